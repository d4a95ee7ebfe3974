import { dollarsToCents } from '../../catalog/utils/money.ts';

export { formatMoney } from '../../catalog/utils/money.ts';

/** Fills a money box: always two decimals (1250 → "12.50", 89900 → "899.00"), as staff read prices. */
export function centsToAmount(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export type MoneyParse = { cents: number; error?: undefined } | { cents?: undefined; error: string };

/**
 * What an admin typed in a money box ("12", "12.5", "12.50") as integer cents, or the sentence
 * that says why it is not an amount; `min`/`max` are cents.
 */
export function parseMoney(
  input: string,
  label: string,
  { min = 0, max }: { min?: number; max?: number } = {},
): MoneyParse {
  const cents = dollarsToCents(input);
  if (cents === undefined) return { error: `${label} is required.` };
  if (Number.isNaN(cents)) return { error: `${label} must be an amount such as 12.50.` };
  if (cents < min) return { error: `${label} must be at least ${centsToAmount(min)}.` };
  if (max !== undefined && cents > max) return { error: `${label} must be at most ${centsToAmount(max)}.` };
  return { cents };
}
