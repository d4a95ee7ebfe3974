import { productSorts } from '@securecart/contract';
import { describe, expect, it } from 'vitest';
import { catalogSorts, parseCatalogSearch, toListParams, toSearchParams } from './catalog-search-params.ts';

const parse = (query: string) => parseCatalogSearch(new URLSearchParams(query));

describe('catalog search params', () => {
  it('offers exactly the sorts the API accepts', () => {
    expect([...catalogSorts].sort()).toEqual([...productSorts].sort());
  });

  it('round-trips every filter through the URL', () => {
    const query =
      'q=desk+lamp&category=lighting&minPriceCents=1000&maxPriceCents=5000&inStock=true&sort=rating&page=3';
    const search = parse(query);
    expect(search).toEqual({
      q: 'desk lamp',
      category: 'lighting',
      minPriceCents: 1000,
      maxPriceCents: 5000,
      inStock: true,
      sort: 'rating',
      page: 3,
    });
    expect(toSearchParams(search).toString()).toBe(query);
  });

  it('leaves defaults out of the URL', () => {
    expect(toSearchParams(parse('')).toString()).toBe('');
  });

  it('drops values the API would refuse rather than sending them', () => {
    expect(parse('sort=random&page=0&minPriceCents=-5&maxPriceCents=1.5&inStock=yes')).toEqual({
      q: undefined,
      category: undefined,
      minPriceCents: undefined,
      maxPriceCents: undefined,
      inStock: false,
      sort: 'relevance',
      page: 1,
    });
  });

  it('swaps a price range given the wrong way round', () => {
    expect(parse('minPriceCents=5000&maxPriceCents=1000')).toMatchObject({
      minPriceCents: 1000,
      maxPriceCents: 5000,
    });
  });

  it('asks the API only for in-stock products when the box is ticked', () => {
    expect(toListParams(parse('')).inStock).toBeUndefined();
    expect(toListParams(parse('inStock=true'))).toMatchObject({ inStock: true, pageSize: 12 });
  });
});
