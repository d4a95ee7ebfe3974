import { bigint, date, index, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';

/*
 * Daily sales roll-ups for the admin sales report, kept by triggers on `orders` and `order_items`
 * (migration 0005) in the transaction that changes an order, so they always equal what the orders
 * say: per UTC paid day, orders paid and not cancelled, revenue net of refunds, and each product's
 * sold quantity and line totals. See docs/decisions/010-sales-report-roll-ups.md.
 */

/**
 * Each writing transaction adds to one of a few shard rows of the day (picked at random), so
 * concurrent orders do not queue on one row lock; the report sums the shards.
 */
export const salesDaily = pgTable(
  'sales_daily',
  {
    day: date({ mode: 'string' }).notNull(),
    shard: smallint().notNull(),
    orders: integer().notNull(),
    revenueCents: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.shard] })],
);

/** Not sharded: an order's lines lock their product rows (stock) anyway, and in id order. */
export const salesDailyProducts = pgTable(
  'sales_daily_products',
  {
    day: date({ mode: 'string' }).notNull(),
    productId: uuid().notNull(),
    /** The smallest line name seen (lines are snapshots; the report shows `min(name)`). */
    name: text().notNull(),
    quantity: integer().notNull(),
    revenueCents: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    // Product first: the report looks up the names of its top products by product and range.
    primaryKey({ columns: [t.productId, t.day] }),
    // The top products of a range by an index-only scan of the amounts it sums.
    index('sales_daily_products_report_idx').on(t.day, t.productId, t.quantity, t.revenueCents),
  ],
);
