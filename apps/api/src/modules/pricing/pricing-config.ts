import { z } from 'zod';

/**
 * Tax table and shipping methods: built-in defaults, and the zod schemas that validate the
 * `TAX_RATES` and `SHIPPING_METHODS` overrides at start-up (config.ts).
 *
 * Rates are basis points (1 bp = 0.01 %, so 725 = 7.25 %). A country has a `default` rate and
 * optional `regions` keyed by the ISO 3166-2 subdivision code without the country prefix
 * (`CA` for California, `ON` for Ontario). Rates that are not whole basis points in reality
 * (Minnesota's 6.875 %, say) are rounded to the nearest basis point.
 */

const basisPoints = z
  .number()
  .int('must be a whole number of basis points')
  .min(0)
  .max(10_000, 'must be at most 10000 (100 %)');

export const taxCountrySchema = z.strictObject({
  default: basisPoints,
  regions: z
    .record(
      z.string().regex(/^[A-Z0-9]{1,3}$/, 'region codes are 1–3 upper-case letters or digits'),
      basisPoints,
    )
    .optional(),
});
export type TaxCountry = z.infer<typeof taxCountrySchema>;

export const taxTableSchema = z.record(
  z.string().regex(/^[A-Z]{2}$/, 'country codes are ISO 3166-1 alpha-2, upper case'),
  taxCountrySchema,
);
export type TaxTable = z.infer<typeof taxTableSchema>;

export const shippingMethodSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'ids are 1–40 characters of a-z, 0-9, _ and -'),
  name: z.string().trim().min(1).max(100),
  priceCents: z.number().int().min(0).max(10_000_000),
  estimatedDays: z.number().int().min(0).max(365),
  /** Offered only when the order subtotal reaches this amount ("free over $50"). */
  minSubtotalCents: z.number().int().min(0).optional(),
});
export type ShippingMethod = z.infer<typeof shippingMethodSchema>;

export const shippingMethodsSchema = z
  .array(shippingMethodSchema)
  .min(1, 'at least one shipping method is needed')
  .refine((methods) => new Set(methods.map((m) => m.id)).size === methods.length, 'ids must be unique');

/** State-level sales tax (local taxes are not modelled), 2025. */
// biome-ignore format: a table reads better in columns
const US_STATES: Record<string, number> = {
  AL: 400, AK: 0, AZ: 560, AR: 650, CA: 725, CO: 290, CT: 635, DE: 0, DC: 600, FL: 600,
  GA: 400, HI: 400, ID: 600, IL: 625, IN: 700, IA: 600, KS: 650, KY: 600, LA: 500, ME: 550,
  MD: 600, MA: 625, MI: 600, MN: 688, MS: 700, MO: 423, MT: 0, NE: 550, NV: 685, NH: 0,
  NJ: 663, NM: 488, NY: 400, NC: 475, ND: 500, OH: 575, OK: 450, OR: 0, PA: 600, RI: 700,
  SC: 600, SD: 420, TN: 700, TX: 625, UT: 610, VT: 600, VA: 530, WA: 650, WV: 600, WI: 500,
  WY: 400, PR: 1050,
};

/** GST, HST or GST + PST/QST combined, per province and territory. */
// biome-ignore format: a table reads better in columns
const CA_PROVINCES: Record<string, number> = {
  AB: 500, BC: 1200, MB: 1200, NB: 1500, NL: 1500, NS: 1400, NT: 500, NU: 500, ON: 1300,
  PE: 1500, QC: 1498, SK: 1100, YT: 500,
};

export const DEFAULT_TAX_RATES: TaxTable = {
  US: { default: 0, regions: US_STATES },
  CA: { default: 500, regions: CA_PROVINCES },
  GB: { default: 2000 },
  DE: { default: 1900 },
  FR: { default: 2000 },
};

export const DEFAULT_SHIPPING_METHODS: ShippingMethod[] = [
  { id: 'standard', name: 'Standard', priceCents: 599, estimatedDays: 5 },
  { id: 'express', name: 'Express', priceCents: 1499, estimatedDays: 2 },
  { id: 'free', name: 'Free shipping', priceCents: 0, estimatedDays: 7, minSubtotalCents: 5000 },
];

/** `TAX_RATES` entries replace the built-in entry of their country; other countries keep theirs. */
export function mergeTaxRates(overrides: TaxTable | undefined): TaxTable {
  return { ...DEFAULT_TAX_RATES, ...overrides };
}

/** A zod schema for an environment variable holding JSON that must match `inner`. */
export function jsonEnv<T extends z.ZodType>(inner: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(inner);
}
