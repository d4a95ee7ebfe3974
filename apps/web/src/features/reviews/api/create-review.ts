import type { SecureCartClient } from '@securecart/client';
import type { CreateReviewBody, Review, ReviewEligibility } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useAuth } from '../../auth/session/auth-context.ts';
import { reviewEligibilityQueryKey } from './get-review-eligibility.ts';
import { reviewsQueryKey } from './list-reviews.ts';

export const createReview = (
  client: SecureCartClient,
  productId: string,
  body: CreateReviewBody,
): Promise<Review> => client.reviews.create(productId, body);

export function useCreateReview(productId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const eligibilityKey = reviewEligibilityQueryKey(useAuth().user?.id ?? '', productId);
  return useMutation({
    mutationFn: (body: CreateReviewBody) => createReview(client, productId, body),
    onSuccess: () => {
      // The 201 settles it: one review per user, so no second form (and no request to learn that).
      queryClient.setQueryData<ReviewEligibility>(eligibilityKey, {
        canReview: false,
        reason: 'already_reviewed',
      });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewsQueryKey(productId) }),
        // The product's average and count (on its page and its card) moved too.
        queryClient.invalidateQueries({ queryKey: ['catalog'] }),
      ]);
    },
    // A 403 or 409 means the answer on screen went stale (a refund, a review from another tab).
    onError: () => queryClient.invalidateQueries({ queryKey: eligibilityKey }),
  });
}
