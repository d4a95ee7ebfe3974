import type { Page, Product, WishlistStatus } from '@securecart/contract';
import type { Http } from './http.ts';

export function wishlistApi(http: Http) {
  return {
    list: (params: { page?: number; pageSize?: number } = {}, signal?: AbortSignal) =>
      http.request<Page<Product>>('/me/wishlist', { query: params, signal }),
    /** Whether the product is on the user's wishlist: `saved: false` when it is not (never a 404). */
    status: (productId: string, signal?: AbortSignal) =>
      http.request<WishlistStatus>(`/me/wishlist/${encodeURIComponent(productId)}`, { signal }),
    /** Idempotent: adding a product already on the list keeps one entry. */
    add: (productId: string) =>
      http.request<Product>('/me/wishlist', { method: 'POST', body: { productId } }),
    remove: (productId: string) =>
      http.request<void>(`/me/wishlist/${encodeURIComponent(productId)}`, { method: 'DELETE' }),
  };
}
