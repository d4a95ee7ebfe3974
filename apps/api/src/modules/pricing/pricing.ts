import type { ShippingMethod, TaxTable } from './pricing-config.ts';

/*
 * Totals: pure functions over integer cents, shared by the cart estimate and the checkout.
 *
 * ROUNDING RULE (the one place it is decided):
 *   tax = round-half-up(subtotalCents × rateBasisPoints / 10 000), computed ONCE PER ORDER on the
 *   sum of the lines, never per line; shipping is NOT taxed.
 *   total = subtotal + tax + shipping.
 * Examples at 725 bp (7.25 %): 200¢ → 14.5¢ → 15¢ (half rounds up); 100¢ → 7.25¢ → 7¢;
 * 1 999¢ → 144.9275¢ → 145¢. No tax is ever negative and 0¢ gives 0¢.
 * Per order, not per line, so splitting a quantity over two lines or reordering lines can never
 * change the tax; the arithmetic is exact integer arithmetic (BigInt for the product), no floats.
 */

/** The rounding rule above, for the OpenAPI descriptions of the cart and checkout. */
export const TOTALS_RULE =
  'Tax = round-half-up(subtotalCents × rate in basis points / 10000), computed once per order on ' +
  'the subtotal (never per line); shipping is not taxed; totalCents = subtotalCents + taxCents + ' +
  'shippingCents. Example at 725 bp: subtotal 200 → tax 15 (14.5 rounds up).';

const BASIS_POINTS_PER_UNIT = 10_000n;
const HALF = BASIS_POINTS_PER_UNIT / 2n;

export interface Totals {
  subtotalCents: number;
  taxCents: number;
  shippingCents: number;
  totalCents: number;
}

function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative integer`);
}

/** Tax on an order subtotal: round-half-up(subtotal × bp / 10 000). */
export function taxCents(subtotalCents: number, rateBasisPoints: number): number {
  assertCents(subtotalCents, 'subtotalCents');
  assertCents(rateBasisPoints, 'rateBasisPoints');
  const exact = BigInt(subtotalCents) * BigInt(rateBasisPoints);
  return Number((exact + HALF) / BASIS_POINTS_PER_UNIT);
}

/** The whole order: tax on the subtotal only, shipping added untaxed. */
export function computeTotals(input: {
  subtotalCents: number;
  rateBasisPoints: number;
  shippingCents: number;
}): Totals {
  assertCents(input.shippingCents, 'shippingCents');
  const tax = taxCents(input.subtotalCents, input.rateBasisPoints);
  return {
    subtotalCents: input.subtotalCents,
    taxCents: tax,
    shippingCents: input.shippingCents,
    totalCents: input.subtotalCents + tax + input.shippingCents,
  };
}

// biome-ignore format: a table reads better in columns
const REGION_NAMES: Record<string, Record<string, string>> = {
  US: {
    ALABAMA: 'AL', ALASKA: 'AK', ARIZONA: 'AZ', ARKANSAS: 'AR', CALIFORNIA: 'CA', COLORADO: 'CO',
    CONNECTICUT: 'CT', DELAWARE: 'DE', 'DISTRICT OF COLUMBIA': 'DC', FLORIDA: 'FL', GEORGIA: 'GA',
    HAWAII: 'HI', IDAHO: 'ID', ILLINOIS: 'IL', INDIANA: 'IN', IOWA: 'IA', KANSAS: 'KS', KENTUCKY: 'KY',
    LOUISIANA: 'LA', MAINE: 'ME', MARYLAND: 'MD', MASSACHUSETTS: 'MA', MICHIGAN: 'MI', MINNESOTA: 'MN',
    MISSISSIPPI: 'MS', MISSOURI: 'MO', MONTANA: 'MT', NEBRASKA: 'NE', NEVADA: 'NV', 'NEW HAMPSHIRE': 'NH',
    'NEW JERSEY': 'NJ', 'NEW MEXICO': 'NM', 'NEW YORK': 'NY', 'NORTH CAROLINA': 'NC', 'NORTH DAKOTA': 'ND',
    OHIO: 'OH', OKLAHOMA: 'OK', OREGON: 'OR', PENNSYLVANIA: 'PA', 'RHODE ISLAND': 'RI',
    'SOUTH CAROLINA': 'SC', 'SOUTH DAKOTA': 'SD', TENNESSEE: 'TN', TEXAS: 'TX', UTAH: 'UT', VERMONT: 'VT',
    VIRGINIA: 'VA', WASHINGTON: 'WA', 'WEST VIRGINIA': 'WV', WISCONSIN: 'WI', WYOMING: 'WY',
    'PUERTO RICO': 'PR',
  },
  CA: {
    ALBERTA: 'AB', 'BRITISH COLUMBIA': 'BC', MANITOBA: 'MB', 'NEW BRUNSWICK': 'NB',
    'NEWFOUNDLAND AND LABRADOR': 'NL', 'NOVA SCOTIA': 'NS', 'NORTHWEST TERRITORIES': 'NT', NUNAVUT: 'NU',
    ONTARIO: 'ON', 'PRINCE EDWARD ISLAND': 'PE', QUEBEC: 'QC', SASKATCHEWAN: 'SK', YUKON: 'YT',
  },
};

/** `ca`, `US-CA`, ` California ` → `CA`; Québec → `QC`. Unknown names pass through upper-cased. */
export function normaliseRegion(country: string, region: string | undefined | null): string | undefined {
  if (!region) return undefined;
  const upper = region.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toUpperCase();
  if (!upper) return undefined;
  const withoutPrefix = upper.startsWith(`${country}-`) ? upper.slice(country.length + 1) : upper;
  return REGION_NAMES[country]?.[withoutPrefix] ?? withoutPrefix;
}

/**
 * The rate for an address, or `undefined` when the country is not in the table (the checkout
 * refuses such an address with a 422). A region not listed falls back to the country default.
 */
export function taxRateFor(table: TaxTable, country: string, region?: string | null): number | undefined {
  const code = country.trim().toUpperCase();
  const entry = Object.hasOwn(table, code) ? table[code] : undefined;
  if (!entry) return undefined;
  const regionCode = normaliseRegion(code, region);
  if (regionCode && entry.regions && Object.hasOwn(entry.regions, regionCode)) {
    return entry.regions[regionCode]!;
  }
  return entry.default;
}

/** Methods offered for a subtotal: those without a threshold, and those whose threshold it reaches. */
export function eligibleShippingMethods(
  methods: readonly ShippingMethod[],
  subtotalCents: number,
): ShippingMethod[] {
  return methods.filter((m) => m.minSubtotalCents === undefined || subtotalCents >= m.minSubtotalCents);
}

/** The cheapest eligible method (ties: the faster one), used for the cart's shipping estimate. */
export function cheapestShippingMethod(
  methods: readonly ShippingMethod[],
  subtotalCents: number,
): ShippingMethod | undefined {
  let best: ShippingMethod | undefined;
  for (const method of eligibleShippingMethods(methods, subtotalCents)) {
    if (
      !best ||
      method.priceCents < best.priceCents ||
      (method.priceCents === best.priceCents && method.estimatedDays < best.estimatedDays)
    ) {
      best = method;
    }
  }
  return best;
}
