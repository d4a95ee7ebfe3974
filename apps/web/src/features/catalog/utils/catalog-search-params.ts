import type { ProductListParams } from '@securecart/client';
// Types only: importing values from the contract would pull zod into the browser bundle.
import type { ProductSort } from '@securecart/contract';

/** Products per page: divisible by 2, 3 and 4 so every grid width ends in a full row. */
export const CATALOG_PAGE_SIZE = 12;

/** What the catalog shows; every field lives in the URL so a view can be shared and navigated back to. */
export interface CatalogSearch {
  q?: string;
  category?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStock: boolean;
  sort: ProductSort;
  page: number;
}

/** A Record, so the compiler insists on a label for every sort the contract defines. */
export const sortLabels: Record<ProductSort, string> = {
  relevance: 'Relevance',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  newest: 'Newest',
  rating: 'Top rated',
};

export const catalogSorts = Object.keys(sortLabels) as ProductSort[];

const MAX_PRICE_CENTS = 100_000_000;

function nonNegativeInt(value: string | null, max: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number <= max ? number : undefined;
}

const isSort = (value: string | null): value is ProductSort =>
  value !== null && (catalogSorts as string[]).includes(value);

/** Reads the URL leniently: a hand-edited or stale value is dropped rather than sent to the API. */
export function parseCatalogSearch(params: URLSearchParams): CatalogSearch {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const sort = params.get('sort');
  let minPriceCents = nonNegativeInt(params.get('minPriceCents'), MAX_PRICE_CENTS);
  let maxPriceCents = nonNegativeInt(params.get('maxPriceCents'), MAX_PRICE_CENTS);
  // The API refuses min > max; a link like that most likely has them the wrong way round.
  if (minPriceCents !== undefined && maxPriceCents !== undefined && minPriceCents > maxPriceCents) {
    [minPriceCents, maxPriceCents] = [maxPriceCents, minPriceCents];
  }
  return {
    q: text('q'),
    category: text('category'),
    minPriceCents,
    maxPriceCents,
    inStock: params.get('inStock') === 'true',
    sort: isSort(sort) ? sort : 'relevance',
    page: Math.max(1, nonNegativeInt(params.get('page'), 100_000) ?? 1),
  };
}

/** Writes only what differs from the defaults, so URLs stay short and canonical. */
export function toSearchParams(search: CatalogSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.category) params.set('category', search.category);
  if (search.minPriceCents !== undefined) params.set('minPriceCents', String(search.minPriceCents));
  if (search.maxPriceCents !== undefined) params.set('maxPriceCents', String(search.maxPriceCents));
  if (search.inStock) params.set('inStock', 'true');
  if (search.sort !== 'relevance') params.set('sort', search.sort);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

export function toListParams(search: CatalogSearch): ProductListParams {
  return { ...search, inStock: search.inStock || undefined, pageSize: CATALOG_PAGE_SIZE };
}

/** Filters narrow the results; the search text and the sort order are not counted as filters. */
export const hasActiveFilters = (search: CatalogSearch): boolean =>
  Boolean(
    search.category ||
      search.minPriceCents !== undefined ||
      search.maxPriceCents !== undefined ||
      search.inStock,
  );
