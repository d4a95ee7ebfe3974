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
