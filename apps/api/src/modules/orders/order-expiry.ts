import { type Database, schema } from '@securecart/db';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import fp from 'fastify-plugin';
import { schedulePeriodicJob } from '../../lib/periodic-job.ts';

/** An order still awaiting payment this long after it was placed is cancelled (30 minutes). */
export const PENDING_PAYMENT_TTL_MS = 30 * 60 * 1000;
/** How often each API instance runs the job (1 minute). */
export const EXPIRY_INTERVAL_MS = 60 * 1000;
const BATCH_SIZE = 100;

const { orders, orderItems, orderEvents, products, stockAdjustments } = schema;

/**
 * Cancels pending-payment orders older than 30 minutes and returns their stock. Rows are claimed
 * with FOR UPDATE SKIP LOCKED, so several API instances running it at once share the work and
 * never cancel (or restock) one order twice. Returns how many orders were cancelled.
 */
export async function expirePendingOrders(db: Database, now: Date): Promise<number> {
  let cancelled = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(
          and(
            eq(orders.status, 'pending_payment'),
            lt(orders.createdAt, new Date(now.getTime() - PENDING_PAYMENT_TTL_MS)),
          ),
        )
        .orderBy(orders.createdAt)
        .limit(BATCH_SIZE)
        .for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      const ids = due.map((row) => row.id);
      await tx
        .update(orders)
        .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
        .where(inArray(orders.id, ids));
      const lines = await tx
        .select({
          orderId: orderItems.orderId,
          productId: orderItems.productId,
          quantity: orderItems.quantity,
        })
        .from(orderItems)
        .where(inArray(orderItems.orderId, ids))
        .orderBy(orderItems.productId);
      for (const line of lines) {
        await tx
          .update(products)
          .set({ stock: sql`${products.stock} + ${line.quantity}` })
          .where(eq(products.id, line.productId));
      }
      if (lines.length > 0) {
        await tx.insert(stockAdjustments).values(
          lines.map((line) => ({
            productId: line.productId,
            delta: line.quantity,
            reason: 'order_expired',
            orderId: line.orderId,
            createdAt: now,
          })),
        );
      }
      await tx.insert(orderEvents).values(
        ids.map((orderId) => ({
          orderId,
          status: 'cancelled' as const,
          at: now,
          note: 'Payment not received within 30 minutes',
        })),
      );
      return ids.length;
    });
    cancelled += batch;
    if (batch < BATCH_SIZE) return cancelled;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs the pending-payment expiry once now (tests call it with a moved clock). */
    expirePendingOrders: () => Promise<number>;
  }
}

/** Runs the expiry job every minute on an unref'd timer, stopped when the app closes. */
export const orderExpiryPlugin = fp<{ intervalMs?: number }>(
  async (app, { intervalMs = EXPIRY_INTERVAL_MS }) => {
    app.decorate('expirePendingOrders', () => expirePendingOrders(app.db, app.clock()));
    schedulePeriodicJob(app, 'pending-payment expiry', intervalMs, () => app.expirePendingOrders());
  },
  { name: 'order-expiry', dependencies: ['db', 'clock'] },
);
