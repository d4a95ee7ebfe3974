import type { ReviewEligibility } from '@securecart/contract';
import { ErrorState } from '../../../components/error-state.tsx';
import { useReviewEligibility } from '../api/get-review-eligibility.ts';
import { ReviewForm } from './review-form.tsx';

const NOTES: Record<NonNullable<ReviewEligibility['reason']>, string> = {
  already_reviewed: 'You have reviewed this product. Thank you!',
  not_purchased: 'Only customers who bought this product can review it.',
};

/** The review form for a signed-in shopper the server says may review; else why not. */
export function ReviewPanel({ productId }: { productId: string }) {
  const eligibility = useReviewEligibility(productId);
  if (eligibility.isError) {
    return (
      <ErrorState
        title="We could not check whether you can review this product"
        error={eligibility.error}
        onRetry={() => eligibility.refetch()}
      />
    );
  }
  const { data } = eligibility;
  const reason = data && !data.canReview ? data.reason : undefined;
  return (
    <>
      {data?.canReview ? <ReviewForm productId={productId} /> : null}
      {/* Always present, so the note that replaces the form after posting is announced. */}
      <p className="reviews__note" role="status">
        {reason ? NOTES[reason] : null}
      </p>
    </>
  );
}
