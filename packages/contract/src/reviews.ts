import { z } from 'zod';

export const MAX_REVIEW_LENGTH = 5000;

export const reviewSchema = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    rating: z.number().int().min(1).max(5),
    body: z.string().describe('Plain text: render it as text, never as HTML'),
    authorName: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Review' });
export type Review = z.infer<typeof reviewSchema>;

export const reviewPageSchema = z.object({
  items: z.array(reviewSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const createReviewBodySchema = z.object({
  rating: z.number().int().min(1).max(5),
  body: z.string().trim().min(1).max(MAX_REVIEW_LENGTH),
});
export type CreateReviewBody = z.infer<typeof createReviewBodySchema>;

export const reviewProductParamsSchema = z.object({ id: z.uuid() });

export const REVIEW_REFUSAL_REASONS = ['not_purchased', 'already_reviewed'] as const;

export const reviewEligibilitySchema = z
  .object({
    canReview: z.boolean(),
    reason: z
      .enum(REVIEW_REFUSAL_REASONS)
      .optional()
      .describe(
        'Only when `canReview` is false. `already_reviewed`: the user has a review of this product; ' +
          '`not_purchased`: no paid (or later) order of it.',
      ),
  })
  .meta({ id: 'ReviewEligibility' });
export type ReviewEligibility = z.infer<typeof reviewEligibilitySchema>;
