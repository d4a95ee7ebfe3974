import type { Review } from '@securecart/contract';
import { type ReactNode, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useAuth } from '../../auth/session/auth-context.ts';
import { useReviews } from '../api/list-reviews.ts';
import { ReviewPanel } from './review-panel.tsx';
import '../reviews.css';

interface ProductReviewsProps {
  productId: string;
  /** The product's own figures (the list is paged, so it cannot average itself). */
  rating: number | null;
  reviewCount: number;
}

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

export function ProductReviews({ productId, rating, reviewCount }: ProductReviewsProps) {
  const auth = useAuth();
  const location = useLocation();
  const [page, setPage] = useState(1);
  const reviews = useReviews(productId, page);
  const totalPages = reviews.data ? Math.max(1, Math.ceil(reviews.data.total / reviews.data.pageSize)) : 1;

  let list: ReactNode;
  if (reviews.isError) {
    list = (
      <ErrorState
        title="Reviews could not be loaded"
        error={reviews.error}
        onRetry={() => reviews.refetch()}
      />
    );
  } else if (reviews.isPending) {
    list = <LoadingState label="Loading reviews…" />;
  } else if (reviews.data.items.length === 0) {
    list = <p className="muted">No reviews yet.</p>;
  } else {
    list = (
      <ul className="review-list" aria-busy={reviews.isPlaceholderData}>
        {reviews.data.items.map((review) => (
          <ReviewItem key={review.id} review={review} />
        ))}
      </ul>
    );
  }

  const next = new URLSearchParams({ next: `${location.pathname}${location.search}` });
  return (
    <section className="reviews" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Reviews</h2>
      <p className="reviews__summary">
        {rating === null || reviewCount === 0
          ? 'This product has not been rated yet.'
          : `Rated ${rating.toFixed(1)} out of 5 on average, from ${reviewCount} ${reviewCount === 1 ? 'review' : 'reviews'}.`}
      </p>
      {list}
      {totalPages > 1 ? (
        <nav className="reviews__pages" aria-label="Review pages">
          <button
            type="button"
            className="button button--secondary"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            Newer reviews
          </button>
          <p className="muted">
            Page {page} of {totalPages}
          </p>
          <button
            type="button"
            className="button button--secondary"
            disabled={page >= totalPages}
            onClick={() => setPage(page + 1)}
          >
            Older reviews
          </button>
        </nav>
      ) : null}
      {auth.status === 'signed-in' ? <ReviewPanel productId={productId} /> : null}
      {auth.status === 'signed-out' ? (
        <p>
          <Link to={`/login?${next}`}>Sign in to write a review</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The body is plain text from other shoppers: rendered as text, so markup in it stays inert. */
function ReviewItem({ review }: { review: Review }) {
  return (
    <li className="review">
      <p className="review__rating">
        <span aria-hidden="true">
          {'★'.repeat(review.rating)}
          <span className="review__empty">{'★'.repeat(5 - review.rating)}</span>
        </span>
        <span className="visually-hidden">Rated {review.rating} out of 5</span>
      </p>
      <p className="review__body">{review.body}</p>
      <p className="review__meta">
        {review.authorName} ·{' '}
        <time dateTime={review.createdAt}>{dateFormat.format(new Date(review.createdAt))}</time>
      </p>
    </li>
  );
}
