import type { AdminOrderListQuery, AdminOrderSort } from '@securecart/contract';
import { type Executor, schema } from '@securecart/db';
import { and, asc, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';

const { orders, orderItems, orderEvents, refunds, users } = schema;

/** The day after a `YYYY-MM-DD`, as the exclusive upper bound of an inclusive UTC range. */
export const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 60 * 60 * 1000);
export const startOf = (day: string) => new Date(`${day}T00:00:00Z`);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Signed-in buyers are reached at their account email, guests at the one they gave. */
export const customerEmail = sql<string>`coalesce(${users.email}, ${orders.guestEmail})`;

export type AdminOrderFilters = Pick<AdminOrderListQuery, 'status' | 'q' | 'from' | 'to' | 'sort'>;

/**
 * Ties go by created date in the sort's direction, then id, so pages never overlap and each sort is
 * one index scan (forwards or backwards): orders_created_idx, orders_total_created_idx,
 * orders_number_unique, orders_status_created_idx.
 */
const ORDER_BY: Record<AdminOrderSort, SQL[]> = {
  created_desc: [desc(orders.createdAt), desc(orders.id)],
  created_asc: [asc(orders.createdAt), asc(orders.id)],
  total_desc: [desc(orders.totalCents), desc(orders.createdAt), desc(orders.id)],
  total_asc: [asc(orders.totalCents), asc(orders.createdAt), asc(orders.id)],
  number_asc: [asc(orders.number)],
  number_desc: [desc(orders.number)],
  status_asc: [asc(orders.status), asc(orders.createdAt), asc(orders.id)],
  status_desc: [desc(orders.status), desc(orders.createdAt), desc(orders.id)],
};

function filtersOf(query: AdminOrderFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(orders.status, query.status));
  if (query.from) conditions.push(gte(orders.createdAt, startOf(query.from)));
  if (query.to) conditions.push(lt(orders.createdAt, dayAfter(query.to)));
  if (query.q) {
    const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
    conditions.push(
      sql`(${orders.number} = ${query.q.toUpperCase()} or lower(${customerEmail}) like ${pattern})`,
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export function adminOrdersQueries(db: Executor) {
  return {
    /** One page (or, with `limit` undefined, every match for a CSV export), in the asked order. */
    async list(query: AdminOrderFilters, limit: number | undefined, offset: number) {
      const where = filtersOf(query);
      const page = db
        .select({ order: orders, customerEmail })
        .from(orders)
        .leftJoin(users, eq(users.id, orders.userId))
        .where(where)
        .orderBy(...ORDER_BY[query.sort ?? 'created_desc'])
        .offset(offset);
      const [rows, [counted]] = await Promise.all([
        limit === undefined ? page : page.limit(limit),
        db.select({ total: count() }).from(orders).leftJoin(users, eq(users.id, orders.userId)).where(where),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },

    /** The number of orders of each status that has any (a full pass over orders_status_created_idx). */
    async statusCounts() {
      return db.select({ status: orders.status, count: count() }).from(orders).groupBy(orders.status);
    },

    async byId(id: string) {
      const [row] = await db
        .select({ order: orders, customerEmail })
        .from(orders)
        .leftJoin(users, eq(users.id, orders.userId))
        .where(eq(orders.id, id));
      return row;
    },

    /** Locks the order row until the transaction ends: refunds and status changes serialise on it. */
    async lock(id: string) {
      const [row] = await db.select().from(orders).where(eq(orders.id, id)).for('update');
      return row;
    },

    async items(orderId: string) {
      return db
        .select()
        .from(orderItems)
        .where(eq(orderItems.orderId, orderId))
        .orderBy(asc(orderItems.name), asc(orderItems.productId));
    },

    async events(orderId: string) {
      return db
        .select()
        .from(orderEvents)
        .where(eq(orderEvents.orderId, orderId))
        .orderBy(asc(orderEvents.at));
    },

    async refunds(orderId: string) {
      return db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.createdAt));
    },

    async update(id: string, values: Partial<typeof orders.$inferInsert>) {
      const [row] = await db.update(orders).set(values).where(eq(orders.id, id)).returning();
      return row!;
    },

    async shipAllLines(
      orderId: string,
      values: { shippedAt: Date; carrier: string; trackingNumber: string },
    ) {
      await db
        .update(orderItems)
        .set(values)
        .where(and(eq(orderItems.orderId, orderId), sql`${orderItems.shippedAt} is null`));
    },

    async insertEvent(values: typeof orderEvents.$inferInsert) {
      await db.insert(orderEvents).values(values);
    },

    async insertRefund(values: typeof refunds.$inferInsert) {
      const [row] = await db.insert(refunds).values(values).returning();
      return row!;
    },

    async updateRefund(id: string, values: Partial<typeof refunds.$inferInsert>) {
      const [row] = await db.update(refunds).set(values).where(eq(refunds.id, id)).returning();
      return row!;
    },

    async refundByKey(key: string) {
      const [row] = await db.select().from(refunds).where(eq(refunds.idempotencyKey, key));
      return row;
    },
  };
}
export type AdminOrdersQueries = ReturnType<typeof adminOrdersQueries>;
