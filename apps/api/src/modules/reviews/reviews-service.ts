import type { CreateReviewBody, Review, ReviewEligibility } from '@securecart/contract';
import { type Database, type Executor, schema } from '@securecart/db';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import type { AuditFn } from '../checkout/checkout-service.ts';

const { reviews, products, orders, orderItems, users } = schema;

/** Orders that count as "bought": paid or any later state short of a full refund or cancellation. */
export const BUYER_STATUSES = ['paid', 'shipped', 'completed', 'partially_refunded'] as const;

/** Only the first name is shown next to a review. */
const displayName = (name: string) => name.trim().split(/\s+/)[0] || 'Customer';

export function reviewsService({
  db,
  clock,
  invalidate,
}: {
  db: Database;
  clock: () => Date;
  invalidate: () => void;
}) {
  return {
    async list(productId: string, page: number, pageSize: number) {
      const where = eq(reviews.productId, productId);
      const [rows, [counted]] = await Promise.all([
        db
          .select({ review: reviews, name: users.name })
          .from(reviews)
          .innerJoin(users, eq(users.id, reviews.userId))
          .where(where)
          .orderBy(desc(reviews.createdAt), desc(reviews.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ total: count() }).from(reviews).where(where),
      ]);
      return {
        items: rows.map(({ review, name }) => toReview(review, name)),
        page,
        pageSize,
        total: counted?.total ?? 0,
      };
    },

    /**
     * Whether `create` would accept a review now. A user who has reviewed hears `already_reviewed`
     * even if the order was refunded since: no second review is ever possible.
     */
    async eligibility(userId: string, productId: string): Promise<ReviewEligibility> {
      await requireActiveProduct(db, productId);
      const [reviewed, bought] = await Promise.all([
        hasReviewed(db, userId, productId),
        hasBought(db, userId, productId),
      ]);
      if (reviewed) return { canReview: false, reason: 'already_reviewed' };
      if (!bought) return { canReview: false, reason: 'not_purchased' };
      return { canReview: true };
    },

    /**
     * One review per buyer (409 for a second), only by a user with a paid-or-later order of the
     * product (403). The product's review_count and rating_total move in the same transaction.
     */
    async create(
      userId: string,
      productId: string,
      input: CreateReviewBody,
      audit: AuditFn,
    ): Promise<Review> {
      const review = await db.transaction(async (tx) => {
        await requireActiveProduct(tx, productId);
        if (!(await hasBought(tx, userId, productId))) {
          throw forbidden('Only customers who bought this product can review it', 'not_a_buyer');
        }
        const now = clock();
        const [row] = await tx
          .insert(reviews)
          .values({
            productId,
            userId,
            rating: input.rating,
            body: input.body,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) throw conflict('You already reviewed this product', 'review_exists');
        await tx
          .update(products)
          .set({
            reviewCount: sql`${products.reviewCount} + 1`,
            ratingTotal: sql`${products.ratingTotal} + ${input.rating}`,
          })
          .where(eq(products.id, productId));
        const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
        await audit(
          'review.created',
          { targetType: 'product', targetId: productId, details: { reviewId: row.id, rating: row.rating } },
          tx,
        );
        return toReview(row, user?.name ?? '');
      });
      invalidate();
      return review;
    },
  };
}

/** Reviews are only for products on sale: 404 otherwise. */
async function requireActiveProduct(tx: Executor, productId: string): Promise<void> {
  const [product] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, productId), sql`${products.active}`));
  if (!product) throw notFound('Product');
}

async function hasReviewed(tx: Executor, userId: string, productId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.userId, userId), eq(reviews.productId, productId)))
    .limit(1);
  return row !== undefined;
}

async function hasBought(tx: Executor, userId: string, productId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: orders.id })
    .from(orders)
    .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(
      and(
        eq(orders.userId, userId),
        eq(orderItems.productId, productId),
        inArray(orders.status, [...BUYER_STATUSES]),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export function toReview(row: typeof reviews.$inferSelect, name: string): Review {
  return {
    id: row.id,
    productId: row.productId,
    rating: row.rating,
    body: row.body,
    authorName: displayName(name),
    createdAt: row.createdAt.toISOString(),
  };
}
