const MAX_STARS = 5;

interface RatingProps {
  rating: number | null;
  reviewCount: number;
}

/** Stars are decoration; the text says the same for screen readers and in high-contrast modes. */
export function Rating({ rating, reviewCount }: RatingProps) {
  if (rating === null || reviewCount === 0) return null;
  const filled = Math.round(rating);
  return (
    <p className="rating">
      <span className="rating__stars" aria-hidden="true">
        {'★'.repeat(filled)}
        <span className="rating__empty">{'★'.repeat(MAX_STARS - filled)}</span>
      </span>
      <span className="rating__value">
        {rating.toFixed(1)}
        <span className="visually-hidden"> out of {MAX_STARS}</span>
      </span>
      <span className="rating__count">
        ({reviewCount} {reviewCount === 1 ? 'review' : 'reviews'})
      </span>
    </p>
  );
}
