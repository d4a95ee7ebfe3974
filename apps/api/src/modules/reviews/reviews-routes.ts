import {
  createReviewBodySchema,
  pageQuerySchema,
  problemSchema,
  reviewEligibilitySchema,
  reviewPageSchema,
  reviewProductParamsSchema,
  reviewSchema,
} from '@securecart/contract';
import { schema } from '@securecart/db';
import { eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reviewsService, toReview } from './reviews-service.ts';

export const reviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = reviewsService({
    db: app.db,
    clock: app.clock,
    invalidate: () => app.invalidatePublicCache(),
  });

  app.personalData.exportSections.push({
    key: 'reviews',
    schema: z.array(reviewSchema),
    load: async (userId, tx) =>
      (await tx.select().from(schema.reviews).where(eq(schema.reviews.userId, userId))).map((row) =>
        toReview(row, ''),
      ),
  });
  app.personalData.erasureSteps.push({
    name: 'reviews',
    async run(userId, tx) {
      // The reviews go, and the products' rating figures with them.
      const gone = await tx.delete(schema.reviews).where(eq(schema.reviews.userId, userId)).returning();
      for (const review of gone) {
        await tx
          .update(schema.products)
          .set({
            reviewCount: sql`greatest(${schema.products.reviewCount} - 1, 0)`,
            ratingTotal: sql`greatest(${schema.products.ratingTotal} - ${review.rating}, 0)`,
          })
          .where(eq(schema.products.id, review.productId));
      }
      if (gone.length > 0) app.invalidatePublicCache();
    },
  });

  app.get(
    '/products/:id/reviews',
    {
      schema: {
        tags: ['catalog', 'reviews'],
        operationId: 'listProductReviews',
        summary: 'Reviews of a product, newest first',
        description: 'Public. `body` is plain text: render it as text, never as HTML.',
        params: reviewProductParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: reviewPageSchema, 400: problemSchema },
      },
    },
    async (request) => service.list(request.params.id, request.query.page, request.query.pageSize),
  );

  app.get(
    '/products/:id/reviews/eligibility',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['catalog', 'reviews'],
        operationId: 'getReviewEligibility',
        summary: 'Whether the signed-in user may review this product',
        description:
          'Asks in advance what `POST /products/:id/reviews` would decide: `{ canReview: true }`, or ' +
          '`{ canReview: false, reason }` with `already_reviewed` (the user has a review of it; no ' +
          'second one is accepted) or `not_purchased` (no paid, shipped, completed or partially ' +
          'refunded order of it; a POST would be a 403). 404 for an unknown or archived product. ' +
          'About the caller only; never cached.',
        security: [{ bearerAuth: [] }],
        params: reviewProductParamsSchema,
        response: {
          200: reviewEligibilitySchema,
          400: problemSchema,
          401: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => service.eligibility(request.user.id, request.params.id),
  );

  app.post(
    '/products/:id/reviews',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['catalog', 'reviews'],
        operationId: 'createProductReview',
        summary: 'Review a product you bought',
        description:
          '`rating` 1–5 and `body` (plain text, 1–5000 characters). Only a user with a paid (or ' +
          'shipped/completed/partially refunded) order of the product: else 403 `not_a_buyer`. One ' +
          'review per user and product: a second is a 409 `review_exists`.',
        security: [{ bearerAuth: [] }],
        params: reviewProductParamsSchema,
        body: createReviewBodySchema,
        response: {
          201: reviewSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const review = await service.create(
        request.user.id,
        request.params.id,
        request.body,
        (action, fields, tx) => app.audit(request, action, fields, tx),
      );
      return reply.code(201).send(review);
    },
  );
};
