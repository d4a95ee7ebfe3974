import { type FormEvent, useId, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useCreateReview } from '../api/create-review.ts';

/** Mirrors the contract's MAX_REVIEW_LENGTH (the product page loads eagerly: contract types only). */
const MAX_REVIEW_LENGTH = 5000;
const RATINGS = [5, 4, 3, 2, 1] as const;

interface Errors {
  rating?: string;
  body?: string;
}

function validate(rating: number | undefined, body: string): Errors {
  const errors: Errors = {};
  if (rating === undefined) errors.rating = 'Choose a rating from 1 to 5 stars.';
  if (body.trim() === '') errors.body = 'Write a few words about the product.';
  else if (body.trim().length > MAX_REVIEW_LENGTH)
    errors.body = `Keep the review under ${MAX_REVIEW_LENGTH} characters.`;
  return errors;
}

/** A review by a shopper the server says may post one (a buyer, once). */
export function ReviewForm({ productId }: { productId: string }) {
  const id = useId();
  const create = useCreateReview(productId);
  const [rating, setRating] = useState<number>();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(rating, body);
    setErrors(found);
    if (found.rating || found.body || rating === undefined) return;
    // On success the panel replaces the form with its thank-you note.
    create.mutate({ rating, body: body.trim() });
  };

  const ratingErrorId = `${id}-rating-error`;
  const bodyErrorId = `${id}-body-error`;
  return (
    <form className="review-form form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="review-form__title">
        Write a review
      </h3>
      {create.isError ? <FormNotice tone="error">{problemMessage(create.error)}</FormNotice> : null}
      <div
        className="review-form__rating"
        role="radiogroup"
        aria-labelledby={`${id}-rating-label`}
        aria-invalid={errors.rating ? true : undefined}
        aria-describedby={errors.rating ? ratingErrorId : undefined}
      >
        <p id={`${id}-rating-label`} className="review-form__legend">
          Rating
        </p>
        <div className="review-form__stars">
          {RATINGS.map((value) => (
            <label key={value} className="review-form__star">
              <input
                type="radio"
                name={`${id}-rating`}
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />
              {value === 1 ? '1 star' : `${value} stars`}
            </label>
          ))}
        </div>
        {errors.rating ? (
          <p id={ratingErrorId} className="field-error" role="alert">
            {errors.rating}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Your review</label>
        <textarea
          id={`${id}-body`}
          rows={5}
          maxLength={MAX_REVIEW_LENGTH}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={errors.body ? bodyErrorId : undefined}
        />
        {errors.body ? (
          <p id={bodyErrorId} className="field-error" role="alert">
            {errors.body}
          </p>
        ) : null}
      </div>
      <SubmitButton pending={create.isPending} pendingLabel="Submitting…">
        Submit review
      </SubmitButton>
    </form>
  );
}
