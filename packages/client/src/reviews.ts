import type { CreateReviewBody, Page, Review } from '@securecart/contract';
import type { Http } from './http.ts';

export function reviewsApi(http: Http) {
  return {
    list: (productId: string, params: { page?: number; pageSize?: number } = {}, signal?: AbortSignal) =>
      http.request<Page<Review>>(`/products/${encodeURIComponent(productId)}/reviews`, {
        query: params,
        signal,
      }),
    create: (productId: string, body: CreateReviewBody) =>
      http.request<Review>(`/products/${encodeURIComponent(productId)}/reviews`, { method: 'POST', body }),
  };
}
