import type { Page, Problem, Product } from '@securecart/contract';
import { HttpResponse, http } from 'msw';
import { categories, products } from './fixtures.ts';

/** The origin tests give the API client; the SPA itself uses the relative `/api/v1`. */
export const TEST_API = 'http://shop.test/api/v1';

/** The query strings the fake API received for /products, oldest first. */
export const productRequests: URLSearchParams[] = [];

export const lastProductQuery = (): Record<string, string> =>
  Object.fromEntries(productRequests.at(-1)?.entries() ?? []);

export const problem = (
  status: number,
  title: string,
  detail?: string,
  extra: Partial<Problem> = {},
  headers: Record<string, string> = {},
) =>
  HttpResponse.json<Problem>(
    { type: 'about:blank', title, status, detail, ...extra },
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );

const sorters: Record<string, (a: Product, b: Product) => number> = {
  price_asc: (a, b) => a.priceCents - b.priceCents,
  price_desc: (a, b) => b.priceCents - a.priceCents,
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt),
  rating: (a, b) => (b.rating ?? 0) - (a.rating ?? 0),
};

/** A small, honest imitation of the catalog API, enough for the UI to show what it asked for. */
function listProducts(params: URLSearchParams): Page<Product> {
  const words = (params.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const category = params.get('category');
  const min = params.has('minPriceCents') ? Number(params.get('minPriceCents')) : undefined;
  const max = params.has('maxPriceCents') ? Number(params.get('maxPriceCents')) : undefined;
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);

  const matching = products
    .filter((product) => words.every((word) => product.name.toLowerCase().includes(word)))
    .filter((product) => !category || product.category === category)
    .filter((product) => min === undefined || product.priceCents >= min)
    .filter((product) => max === undefined || product.priceCents <= max)
    .filter((product) => params.get('inStock') !== 'true' || product.stock > 0)
    .sort(sorters[params.get('sort') ?? ''] ?? (() => 0));

  return {
    items: matching.slice((page - 1) * pageSize, page * pageSize),
    page,
    pageSize,
    total: matching.length,
  };
}

export const handlers = [
  http.get(`${TEST_API}/products`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    productRequests.push(params);
    return HttpResponse.json(listProducts(params));
  }),

  http.get(`${TEST_API}/products/:idOrSlug`, ({ params }) => {
    const product = products.find((item) => item.slug === params.idOrSlug || item.id === params.idOrSlug);
    return product ? HttpResponse.json(product) : problem(404, 'Not Found', 'Product not found');
  }),

  http.get(`${TEST_API}/categories`, () =>
    HttpResponse.json<Page<(typeof categories)[number]>>({
      items: categories,
      page: 1,
      pageSize: 100,
      total: categories.length,
    }),
  ),
];
