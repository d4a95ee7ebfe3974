import type { CreateReviewBody, Page, Review, ReviewEligibility } from '@securecart/contract';
import type { Http } from './http.ts';

export function reviewsApi(http: Http) {
  return {
    list: (productId: string, params: { page?: number; pageSize?: number } = {}, signal?: AbortSignal) =>
      http.request<Page<Review>>(`/products/${encodeURIComponent(productId)}/reviews`, {
        query: params,
        signal,
      }),
    /** Whether the signed-in user may review the product now, and if not why. */
    eligibility: (productId: string, signal?: AbortSignal) =>
      http.request<ReviewEligibility>(`/products/${encodeURIComponent(productId)}/reviews/eligibility`, {
        signal,
      }),
    create: (productId: string, body: CreateReviewBody) =>
      http.request<Review>(`/products/${encodeURIComponent(productId)}/reviews`, { method: 'POST', body }),
  };
}
