import type { Executor } from '@securecart/db';
import { schema } from '@securecart/db';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';

const { orders, orderItems, orderEvents, products, stockAdjustments, cartItems, idempotencyKeys } = schema;

export type OrderRow = typeof orders.$inferSelect;

export function orderQueries(db: Executor) {
  return {
    /**
     * Takes stock for one line only if the price is still the one shown and the stock covers it:
     * the guarded update is atomic, so no interleaving can oversell. Undefined: refused.
     */
    async takeStock(productId: string, quantity: number, priceCents: number) {
      const [row] = await db
        .update(products)
        .set({ stock: sql`${products.stock} - ${quantity}` })
        .where(
          and(
            eq(products.id, productId),
            sql`${products.stock} >= ${quantity}`,
            eq(products.priceCents, priceCents),
            sql`${products.active}`,
          ),
        )
        .returning({ sellerId: products.sellerId, name: products.name });
      return row;
    },

    /** Inserts the order unless its random number is taken (then undefined: draw another). */
    async insertOrder(values: typeof orders.$inferInsert): Promise<OrderRow | undefined> {
      const [row] = await db
        .insert(orders)
        .values(values)
        .onConflictDoNothing({ target: orders.number })
        .returning();
      return row;
    },

    async insertItems(values: (typeof orderItems.$inferInsert)[]) {
      await db.insert(orderItems).values(values);
    },

    async insertEvent(values: typeof orderEvents.$inferInsert) {
      await db.insert(orderEvents).values(values);
    },

    async insertStockAdjustments(values: (typeof stockAdjustments.$inferInsert)[]) {
      if (values.length > 0) await db.insert(stockAdjustments).values(values);
    },

    async emptyCart(cartId: string) {
      await db.delete(cartItems).where(eq(cartItems.cartId, cartId));
    },

    async byId(id: string) {
      const [row] = await db.select().from(orders).where(eq(orders.id, id));
      return row;
    },

    async byNumber(number: string) {
      const [row] = await db.select().from(orders).where(eq(orders.number, number));
      return row;
    },

    async items(orderIds: string[]) {
      if (orderIds.length === 0) return [];
      return db
        .select()
        .from(orderItems)
        .where(inArray(orderItems.orderId, orderIds))
        .orderBy(asc(orderItems.name), asc(orderItems.productId));
    },

    async events(orderId: string) {
      return db
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, orderId))
        .orderBy(asc(orderEvents.at));
    },

    async listForUser(userId: string, limit: number, offset: number) {
      const [rows, [counted]] = await Promise.all([
        db
          .select()
          .from(orders)
          .where(eq(orders.userId, userId))
          .orderBy(desc(orders.createdAt), desc(orders.id))
          .limit(limit)
          .offset(offset),
        db.select({ total: count() }).from(orders).where(eq(orders.userId, userId)),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },

    // Idempotency keys ---------------------------------------------------------------------

    /** Claims the key; false when another request already holds (or finished) it. */
    async claimKey(scope: string, key: string, requestHash: string, now: Date): Promise<boolean> {
      const rows = await db
        .insert(idempotencyKeys)
        .values({ scope, key, requestHash, createdAt: now })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      return rows.length > 0;
    },

    async findKey(scope: string, key: string) {
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      return row;
    },

    async finishKey(scope: string, key: string, status: number, body: unknown, now: Date) {
      await db
        .update(idempotencyKeys)
        .set({ responseStatus: status, responseBody: body, completedAt: now })
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    },

    async releaseKey(scope: string, key: string) {
      await db
        .delete(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    },
  };
}
export type OrderQueries = ReturnType<typeof orderQueries>;
