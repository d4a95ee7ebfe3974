const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/**
 * Formats integer minor units. The currency decides how many digits a minor unit has (USD 2,
 * JPY 0), so the amount is never divided by a hard-coded 100.
 */
export function formatMoney(minorUnits: number, currency: string): string {
  const formatter = formatterFor(currency);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minorUnits / 10 ** digits);
}

const DOLLARS = /^\d+(\.\d{1,2})?$/;

/**
 * Parses what a shopper typed in a price box ("25", "25.5", "25.50") into cents, without floating
 * point arithmetic; undefined for an empty box, NaN for anything that is not a price.
 */
export function dollarsToCents(input: string): number | undefined {
  const value = input.trim();
  if (value === '') return undefined;
  if (!DOLLARS.test(value)) return Number.NaN;
  const [whole = '0', fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The inverse, for filling a price box from the URL: 2500 → "25", 2550 → "25.50". */
export function centsToDollars(cents: number | undefined): string {
  if (cents === undefined) return '';
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, '0')}`;
}
