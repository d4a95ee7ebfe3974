import type {
  AbandonmentReport,
  InventoryReport,
  InventoryReportQuery,
  SalesReport,
  UsersReport,
} from '@securecart/contract';
import { type Executor, schema } from '@securecart/db';
import { sql } from 'drizzle-orm';
import {
  daysOf,
  periodLabel,
  periodOf,
  periodOfDay,
  periodSeries,
  type Range,
  rangeEnd,
  rangeStart,
  rowsOf,
} from './report-periods.ts';

const { orders, orderItems, products, users, sessions, auditLog, checkouts, salesDaily, salesDailyProducts } =
  schema;

const TOP_PRODUCTS = 10;

/**
 * Every report is aggregated by PostgreSQL (date_trunc + GROUP BY over an index range scan); the
 * JavaScript side only renames columns. Revenue: `total_cents - refunded_cents` of orders paid in
 * the range (on their UTC paid day), cancelled orders never counted. The sales report reads the
 * daily roll-ups the order triggers keep (`sales_daily`, `sales_daily_products`), not the orders:
 * a few rows per day, and one per product and sold day, instead of every order and line of the range.
 */
export function adminReportsQueries(db: Executor) {
  const sold = (range: Range) =>
    sql`${orders.paidAt} >= ${rangeStart(range)} and ${orders.paidAt} < ${rangeEnd(range)} and ${orders.status} <> 'cancelled'`;

  return {
    async sales(range: Range): Promise<SalesReport['rows']> {
      const rows = rowsOf<{ period: string; orders: number; revenue: string }>(
        await db.execute(sql`
          with sold as (
            select ${periodOfDay(salesDaily.day, range.groupBy)} as p, sum(${salesDaily.orders})::int as orders,
                   sum(${salesDaily.revenueCents})::bigint as revenue
            from ${salesDaily} where ${daysOf(salesDaily.day, range)} group by 1
          )
          select ${periodLabel(sql`g.p`, range.groupBy)} as period, coalesce(sold.orders, 0)::int as orders,
                 coalesce(sold.revenue, 0)::bigint as revenue
          from (${periodSeries(range)}) g left join sold on sold.p = g.p
          order by g.p`),
      );
      return rows.map((r) => ({ period: r.period, orders: r.orders, revenueCents: Number(r.revenue) }));
    },

    /**
     * The heavier half of the sales report (one roll-up row per product and sold day of the range),
     * left out of its CSV. Names are looked up for the ten winners only.
     */
    async topProducts(range: Range): Promise<SalesReport['topProducts']> {
      const p = salesDailyProducts;
      const top = rowsOf<{ product_id: string; name: string; quantity: number; revenue: string }>(
        await db.execute(sql`
          with top as (
            select ${p.productId} as product_id, sum(${p.quantity})::int as quantity,
                   sales_sum(${p.revenueCents}) as revenue
            from ${p} where ${daysOf(p.day, range)}
            group by ${p.productId}
            having sum(${p.quantity}) > 0
            order by revenue desc, product_id
            limit ${TOP_PRODUCTS}
          )
          select top.*, (select min(n.name) from ${p} n
                         where n.product_id = top.product_id and ${daysOf(sql`n.day`, range)}) as name
          from top order by revenue desc, product_id`),
      );
      return top.map((r) => ({
        productId: r.product_id,
        name: r.name,
        quantity: r.quantity,
        revenueCents: Number(r.revenue),
      }));
    },

    /** One seller's lines: orders = distinct orders with their lines, revenue = their line totals. */
    async sellerSales(sellerId: string, range: Range) {
      const rows = rowsOf<{ period: string; orders: number; revenue: string }>(
        await db.execute(sql`
          with sold as (
            select ${periodOf(orders.paidAt, range.groupBy)} as p, count(distinct ${orders.id})::int as orders,
                   sum(${orderItems.lineTotalCents})::bigint as revenue
            from ${orderItems} join ${orders} on ${orders.id} = ${orderItems.orderId}
            where ${orderItems.sellerId} = ${sellerId} and ${sold(range)} and ${orders.status} <> 'refunded'
            group by 1
          )
          select ${periodLabel(sql`g.p`, range.groupBy)} as period, coalesce(sold.orders, 0)::int as orders,
                 coalesce(sold.revenue, 0)::bigint as revenue
          from (${periodSeries(range)}) g left join sold on sold.p = g.p
          order by g.p`),
      );
      return rows.map((r) => ({ period: r.period, orders: r.orders, revenueCents: Number(r.revenue) }));
    },

    async inventory(query: InventoryReportQuery): Promise<InventoryReport> {
      const archived = query.includeArchived === 'true' ? sql`true` : sql`${products.active}`;
      const rows = rowsOf<{
        id: string;
        name: string;
        seller_id: string | null;
        active: boolean;
        stock: number;
        price_cents: number;
        value: string;
      }>(
        await db.execute(sql`
          select ${products.id} as id, ${products.name} as name, ${products.sellerId} as seller_id,
                 ${products.active} as active, ${products.stock} as stock, ${products.priceCents} as price_cents,
                 (${products.stock}::bigint * ${products.priceCents})::bigint as value
          from ${products} where ${archived}
          order by ${products.stock} asc, ${products.name} asc, ${products.id}`),
      );
      const [totals] = rowsOf<{ products: number; units: string; value: string; low: number }>(
        await db.execute(sql`
          select count(*)::int as products, coalesce(sum(${products.stock}), 0)::bigint as units,
                 coalesce(sum(${products.stock}::bigint * ${products.priceCents}), 0)::bigint as value,
                 (count(*) filter (where ${products.stock} <= ${query.lowStockThreshold}))::int as low
          from ${products} where ${archived}`),
      );
      return {
        rows: rows.map((r) => ({
          productId: r.id,
          name: r.name,
          sellerId: r.seller_id,
          active: r.active,
          stock: r.stock,
          priceCents: r.price_cents,
          stockValueCents: Number(r.value),
          lowStock: r.stock <= query.lowStockThreshold,
        })),
        totals: {
          products: totals?.products ?? 0,
          units: Number(totals?.units ?? 0),
          stockValueCents: Number(totals?.value ?? 0),
          lowStock: totals?.low ?? 0,
        },
      };
    },

    async users(range: Range): Promise<UsersReport> {
      const inRange = (column: unknown) =>
        sql`${column} >= ${rangeStart(range)} and ${column} < ${rangeEnd(range)}`;
      const auditCount = (action: string) => sql`
        select ${periodOf(auditLog.at, range.groupBy)} as p, count(*)::int as n
        from ${auditLog} where ${auditLog.action} = ${action} and ${inRange(auditLog.at)} group by 1`;
      const activity = sql`
        select ${sessions.userId} as user_id, ${periodOf(sessions.createdAt, range.groupBy)} as p
          from ${sessions} where ${inRange(sessions.createdAt)}
        union
        select ${sessions.userId}, ${periodOf(sessions.lastUsedAt, range.groupBy)}
          from ${sessions} where ${inRange(sessions.lastUsedAt)}`;
      const rows = rowsOf<{
        period: string;
        sign_ups: number;
        active: number;
        logins: number;
        failed: number;
        lockouts: number;
      }>(
        await db.execute(sql`
          with signups as (
                 select ${periodOf(users.createdAt, range.groupBy)} as p, count(*)::int as n
                 from ${users} where ${inRange(users.createdAt)} group by 1),
               active as (select p, count(distinct user_id)::int as n from (${activity}) a group by p),
               logins as (${auditCount('auth.login.succeeded')}),
               failed as (${auditCount('auth.login.failed')}),
               lockouts as (${auditCount('auth.locked')})
          select ${periodLabel(sql`g.p`, range.groupBy)} as period,
                 coalesce(signups.n, 0) as sign_ups, coalesce(active.n, 0) as active,
                 coalesce(logins.n, 0) as logins, coalesce(failed.n, 0) as failed, coalesce(lockouts.n, 0) as lockouts
          from (${periodSeries(range)}) g
          left join signups on signups.p = g.p left join active on active.p = g.p
          left join logins on logins.p = g.p left join failed on failed.p = g.p
          left join lockouts on lockouts.p = g.p
          order by g.p`),
      );
      const [distinct] = rowsOf<{ n: number }>(
        await db.execute(sql`select count(distinct user_id)::int as n from (${activity}) a`),
      );
      const mapped = rows.map((r) => ({
        period: r.period,
        signUps: r.sign_ups,
        activeUsers: r.active,
        logins: r.logins,
        failedLogins: r.failed,
        lockouts: r.lockouts,
      }));
      const sum = (key: 'signUps' | 'logins' | 'failedLogins' | 'lockouts') =>
        mapped.reduce((total, row) => total + row[key], 0);
      return {
        rows: mapped,
        totals: {
          signUps: sum('signUps'),
          activeUsers: distinct?.n ?? 0,
          logins: sum('logins'),
          failedLogins: sum('failedLogins'),
          lockouts: sum('lockouts'),
        },
      };
    },

    /** Checkouts started in the range, by the period they started in, and what became of them. */
    async abandonment(range: Range): Promise<AbandonmentReport> {
      const rows = rowsOf<{
        period: string;
        started: number;
        completed: number;
        abandoned: number;
        recovered: number;
      }>(
        await db.execute(sql`
          with c as (
            select ${periodOf(checkouts.createdAt, range.groupBy)} as p, count(*)::int as started,
                   (count(*) filter (where ${checkouts.status} = 'completed'))::int as completed,
                   (count(*) filter (where ${checkouts.abandonedAt} is not null))::int as abandoned,
                   (count(*) filter (where ${checkouts.recovered}))::int as recovered
            from ${checkouts}
            where ${checkouts.createdAt} >= ${rangeStart(range)} and ${checkouts.createdAt} < ${rangeEnd(range)}
            group by 1
          )
          select ${periodLabel(sql`g.p`, range.groupBy)} as period, coalesce(c.started, 0) as started,
                 coalesce(c.completed, 0) as completed, coalesce(c.abandoned, 0) as abandoned,
                 coalesce(c.recovered, 0) as recovered
          from (${periodSeries(range)}) g left join c on c.p = g.p
          order by g.p`),
      );
      const sum = (key: 'started' | 'completed' | 'abandoned' | 'recovered') =>
        rows.reduce((total, row) => total + row[key], 0);
      return {
        rows,
        totals: {
          started: sum('started'),
          completed: sum('completed'),
          abandoned: sum('abandoned'),
          recovered: sum('recovered'),
        },
      };
    },
  };
}
