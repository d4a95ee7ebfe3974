import { describe, expect, it } from 'vitest';
import { productListQuerySchema } from './catalog.ts';

describe('productListQuerySchema', () => {
  it('applies defaults and coerces query-string numbers', () => {
    expect(productListQuerySchema.parse({ minPriceCents: '100' })).toMatchObject({
      page: 1,
      pageSize: 20,
      sort: 'relevance',
      minPriceCents: 100,
    });
  });

  it.each([
    { page: '0' },
    { pageSize: '101' },
    { pageSize: '2.5' },
    { minPriceCents: 'abc' },
    { minPriceCents: '-1' },
    { sort: 'random' },
    { minPriceCents: '900', maxPriceCents: '100' },
  ])('refuses %o', (query) => {
    expect(productListQuerySchema.safeParse(query).success).toBe(false);
  });
});
