import type { SecureCartClient } from '@securecart/client';
import type { Page, Review } from '@securecart/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

const REVIEWS_PAGE_SIZE = 5;

export const reviewsQueryKey = (productId: string) => ['reviews', productId] as const;

export const listReviews = (
  client: SecureCartClient,
  productId: string,
  page: number,
  signal?: AbortSignal,
): Promise<Page<Review>> => client.reviews.list(productId, { page, pageSize: REVIEWS_PAGE_SIZE }, signal);

export const listReviewsQueryOptions = (client: SecureCartClient, productId: string, page: number) =>
  queryOptions({
    queryKey: [...reviewsQueryKey(productId), page],
    queryFn: ({ signal }) => listReviews(client, productId, page, signal),
    // The current page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export function useReviews(productId: string, page: number) {
  const client = useApiClient();
  return useQuery(listReviewsQueryOptions(client, productId, page));
}
