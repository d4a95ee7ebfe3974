import type { SecureCartClient } from '@securecart/client';
import type { ReviewEligibility } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useAuth } from '../../auth/session/auth-context.ts';

/** Per user: one shopper's answer must never stand in for another's after a sign-in switch. */
export const reviewEligibilityQueryKey = (userId: string, productId: string) =>
  ['review-eligibility', userId, productId] as const;

export const getReviewEligibility = (
  client: SecureCartClient,
  productId: string,
  signal?: AbortSignal,
): Promise<ReviewEligibility> => client.reviews.eligibility(productId, signal);

export const reviewEligibilityQueryOptions = (client: SecureCartClient, userId: string, productId: string) =>
  queryOptions({
    queryKey: reviewEligibilityQueryKey(userId, productId),
    queryFn: ({ signal }) => getReviewEligibility(client, productId, signal),
  });

/** Signed-in users only: a guest is asked to sign in and nothing is fetched. */
export function useReviewEligibility(productId: string) {
  const client = useApiClient();
  const userId = useAuth().user?.id ?? '';
  return useQuery({ ...reviewEligibilityQueryOptions(client, userId, productId), enabled: userId !== '' });
}
