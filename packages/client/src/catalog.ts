import type { Category, Page, Product, ProductSort } from '@securecart/contract';
import type { Http } from './http.ts';

export interface ProductListParams {
  q?: string;
  category?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStock?: boolean;
  sort?: ProductSort;
  page?: number;
  pageSize?: number;
}

export function catalogApi(http: Http) {
  return {
    listProducts: (params: ProductListParams = {}, signal?: AbortSignal) =>
      http.request<Page<Product>>('/products', {
        query: { ...params, inStock: params.inStock ? 'true' : undefined },
        signal,
      }),
    getProduct: (idOrSlug: string, signal?: AbortSignal) =>
      http.request<Product>(`/products/${encodeURIComponent(idOrSlug)}`, { signal }),
    listCategories: (signal?: AbortSignal) =>
      http.request<Page<Category>>('/categories', { query: { pageSize: 100 }, signal }),
  };
}
