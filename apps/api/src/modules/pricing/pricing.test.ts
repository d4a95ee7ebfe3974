import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import {
  cheapestShippingMethod,
  computeTotals,
  eligibleShippingMethods,
  normaliseRegion,
  taxCents,
  taxRateFor,
} from './pricing.ts';
import { DEFAULT_SHIPPING_METHODS, DEFAULT_TAX_RATES, type ShippingMethod } from './pricing-config.ts';

describe('taxCents: round-half-up(subtotal × bp / 10000), per order', () => {
  it.each([
    // subtotal, basis points, expected — the comment gives the exact value
    [200, 725, 15], // 14.5      → exactly half rounds up
    [100, 725, 7], // 7.25      → down
    [1999, 725, 145], // 144.9275 → up
    [10, 500, 1], // 0.5       → exactly half rounds up
    [9, 500, 0], // 0.45      → down
    [1, 2000, 0], // 0.2
    [3, 2000, 1], // 0.6
    [25, 2000, 5], // exact
    [0, 725, 0],
    [12345, 0, 0],
    [1, 10_000, 1], // 100 %
    [2, 1498, 0], // 0.2996
    [334, 1498, 50], // 50.0332
    [3338, 1498, 500], // 500.0324
    [4005, 1498, 600], // 599.949 → up
  ])('%i¢ at %i bp → %i¢', (subtotal, bp, expected) => {
    expect(taxCents(subtotal, bp)).toBe(expected);
  });

  it('is exact beyond the range of float products', () => {
    // 900 719 925 474 099¢ × 10 000 bp is past 2^53 as a float product; BigInt keeps it exact.
    expect(taxCents(900_719_925_474_099, 10_000)).toBe(900_719_925_474_099);
    expect(taxCents(900_719_925_474_099, 5)).toBe(450_359_962_737); // …737.0495
  });

  it('taxes the order, not each line: two half-cent lines do not round up twice', () => {
    // Two lines of 10¢ at 5 %: per line 0.5 + 0.5 would round to 1 + 1 = 2; per order 20¢ → 1¢.
    expect(taxCents(10 + 10, 500)).toBe(1);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s as an amount', (bad) => {
    expect(() => taxCents(bad, 725)).toThrow(RangeError);
    expect(() => taxCents(100, bad)).toThrow(RangeError);
  });
});

describe('computeTotals', () => {
  it('adds untaxed shipping to subtotal and tax', () => {
    expect(computeTotals({ subtotalCents: 200, rateBasisPoints: 725, shippingCents: 599 })).toEqual({
      subtotalCents: 200,
      taxCents: 15,
      shippingCents: 599,
      totalCents: 814,
    });
  });
});

describe('taxRateFor', () => {
  it('knows US states, Canadian provinces and GB, DE, FR by default', () => {
    expect(taxRateFor(DEFAULT_TAX_RATES, 'US', 'CA')).toBe(725);
    expect(taxRateFor(DEFAULT_TAX_RATES, 'US', 'TX')).toBe(625);
    expect(taxRateFor(DEFAULT_TAX_RATES, 'US', 'OR')).toBe(0);
    expect(taxRateFor(DEFAULT_TAX_RATES, 'CA', 'ON')).toBe(1300);
    expect(taxRateFor(DEFAULT_TAX_RATES, 'CA', 'QC')).toBe(1498);
    expect(taxRateFor(DEFAULT_TAX_RATES, 'GB')).toBe(2000);
    expect(taxRateFor(DEFAULT_TAX_RATES, 'DE', 'BE')).toBe(1900);
    expect(taxRateFor(DEFAULT_TAX_RATES, 'FR')).toBe(2000);
    expect(Object.keys(DEFAULT_TAX_RATES.US!.regions!)).toHaveLength(52); // 50 states, DC, PR
    expect(Object.keys(DEFAULT_TAX_RATES.CA!.regions!)).toHaveLength(13);
  });

  it('accepts region names, lower case and ISO 3166-2 prefixes', () => {
    expect(taxRateFor(DEFAULT_TAX_RATES, 'us', ' california ')).toBe(725);
    expect(taxRateFor(DEFAULT_TAX_RATES, 'US', 'US-NY')).toBe(400);
    expect(taxRateFor(DEFAULT_TAX_RATES, 'CA', 'Québec')).toBe(1498);
    expect(normaliseRegion('US', 'new   york')).toBe('NY');
    expect(normaliseRegion('US', '')).toBeUndefined();
  });

  it('falls back to the country default for an unknown region and to undefined for an unknown country', () => {
    expect(taxRateFor(DEFAULT_TAX_RATES, 'US', 'Atlantis')).toBe(0);
    expect(taxRateFor(DEFAULT_TAX_RATES, 'CA', 'XX')).toBe(500);
    expect(taxRateFor(DEFAULT_TAX_RATES, 'JP')).toBeUndefined();
    // Inherited object keys are not countries.
    expect(taxRateFor(DEFAULT_TAX_RATES, 'constructor')).toBeUndefined();
    expect(taxRateFor(DEFAULT_TAX_RATES, 'US', 'toString')).toBe(0);
  });
});

describe('shipping methods', () => {
  const methods: ShippingMethod[] = DEFAULT_SHIPPING_METHODS;

  it('offers free shipping from its threshold on, inclusive', () => {
    expect(eligibleShippingMethods(methods, 4999).map((m) => m.id)).toEqual(['standard', 'express']);
    expect(eligibleShippingMethods(methods, 5000).map((m) => m.id)).toEqual(['standard', 'express', 'free']);
  });

  it('estimates with the cheapest eligible method, the faster one on a tie', () => {
    expect(cheapestShippingMethod(methods, 4999)?.id).toBe('standard');
    expect(cheapestShippingMethod(methods, 5000)?.id).toBe('free');
    const tie: ShippingMethod[] = [
      { id: 'slow', name: 'Slow', priceCents: 500, estimatedDays: 9 },
      { id: 'quick', name: 'Quick', priceCents: 500, estimatedDays: 3 },
    ];
    expect(cheapestShippingMethod(tie, 0)?.id).toBe('quick');
    expect(cheapestShippingMethod([{ ...methods[2]! }], 10)).toBeUndefined();
  });
});

describe('TAX_RATES and SHIPPING_METHODS configuration', () => {
  const base = {
    DATA_DIR: '/nonexistent',
    JWT_SECRET: 'x'.repeat(32),
    ENCRYPTION_KEY: 'ab'.repeat(32),
  };

  it('uses the built-in tables by default', () => {
    const config = loadConfig(base);
    expect(config.taxRates).toEqual(DEFAULT_TAX_RATES);
    expect(config.shippingMethods).toEqual(DEFAULT_SHIPPING_METHODS);
  });

  it('merges TAX_RATES per country over the defaults and replaces SHIPPING_METHODS', () => {
    const config = loadConfig({
      ...base,
      TAX_RATES: JSON.stringify({ JP: { default: 1000 }, US: { default: 100, regions: { CA: 800 } } }),
      SHIPPING_METHODS: JSON.stringify([{ id: 'pickup', name: 'Pick-up', priceCents: 0, estimatedDays: 0 }]),
    });
    expect(taxRateFor(config.taxRates, 'JP')).toBe(1000);
    expect(taxRateFor(config.taxRates, 'US', 'CA')).toBe(800);
    expect(taxRateFor(config.taxRates, 'US', 'TX')).toBe(100); // the US entry was replaced as a whole
    expect(taxRateFor(config.taxRates, 'GB')).toBe(2000);
    expect(config.shippingMethods.map((m) => m.id)).toEqual(['pickup']);
  });

  it.each([
    [{ TAX_RATES: '{not json' }, 'TAX_RATES: must be valid JSON'],
    [{ TAX_RATES: '{"US":{"default":7.25}}' }, 'TAX_RATES.US.default'],
    [{ TAX_RATES: '{"US":{"default":-1}}' }, 'TAX_RATES.US.default'],
    [{ TAX_RATES: '{"usa":{"default":0}}' }, 'TAX_RATES.usa'],
    [{ TAX_RATES: '{"US":{"default":0,"regions":{"CA":"725"}}}' }, 'TAX_RATES.US.regions.CA'],
    [{ TAX_RATES: '{"US":{"rate":0}}' }, 'TAX_RATES.US'],
    [{ SHIPPING_METHODS: '[]' }, 'SHIPPING_METHODS'],
    [{ SHIPPING_METHODS: '{"id":"x"}' }, 'SHIPPING_METHODS'],
    [
      { SHIPPING_METHODS: '[{"id":"a","name":"A","priceCents":1.5,"estimatedDays":1}]' },
      'SHIPPING_METHODS.0.priceCents',
    ],
    [
      {
        SHIPPING_METHODS:
          '[{"id":"a","name":"A","priceCents":1,"estimatedDays":1},{"id":"a","name":"B","priceCents":2,"estimatedDays":1}]',
      },
      'ids must be unique',
    ],
  ])('refuses %o at start-up naming %s', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});
