import { schema } from '@securecart/db';
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';
import { createCategory, createOrder, createProduct } from '../../../test/factories.ts';
import { rowsOf } from './report-periods.ts';

// The sales report reads roll-ups kept by triggers; these tests change orders every way the app
// does (placed, refunded, cancelled, paid late, shipped, several in one statement) and compare
// the report with the same figures computed straight from the orders.
const ctx = await useTestApp();
const db = ctx.database.handle.db;
const { orders } = schema;

const FROM = '2023-03-01';
const TO = '2023-04-10';

let admin: SignedIn;
const products: string[] = [];

/** The report as the orders say it, by UTC paid day (the definition the roll-ups must keep). */
async function fromOrders() {
  const days = rowsOf<{ period: string; orders: number; revenue: string }>(
    await db.execute(sql`
      select to_char(paid_at at time zone 'UTC', 'YYYY-MM-DD') as period, count(*)::int as orders,
             sum(total_cents - refunded_cents)::bigint as revenue
      from orders
      where paid_at >= ${FROM}::timestamp at time zone 'UTC'
        and paid_at < (${TO}::timestamp + interval '1 day') at time zone 'UTC' and status <> 'cancelled'
      group by 1 order by 1`),
  );
  const top = rowsOf<{ product_id: string; name: string; quantity: number; revenue: string }>(
    await db.execute(sql`
      select i.product_id, min(i.name) as name, sum(i.quantity)::int as quantity,
             sum(i.line_total_cents)::bigint as revenue
      from orders o join order_items i on i.order_id = o.id
      where o.paid_at >= ${FROM}::timestamp at time zone 'UTC'
        and o.paid_at < (${TO}::timestamp + interval '1 day') at time zone 'UTC' and o.status <> 'cancelled'
      group by i.product_id order by revenue desc, i.product_id limit 10`),
  );
  return {
    rows: days.map((d) => ({ period: d.period, orders: d.orders, revenueCents: Number(d.revenue) })),
    topProducts: top.map((t) => ({
      productId: t.product_id,
      name: t.name,
      quantity: t.quantity,
      revenueCents: Number(t.revenue),
    })),
  };
}

async function report() {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/v1/admin/reports/sales?from=${FROM}&to=${TO}&groupBy=day`,
    headers: admin.auth,
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as Awaited<ReturnType<typeof fromOrders>>;
  return { rows: body.rows.filter((row) => row.orders !== 0), topProducts: body.topProducts };
}

const at = (iso: string) => new Date(iso);
const line = (index: number, unitPriceCents: number, quantity: number, name?: string) => ({
  productId: products[index]!,
  unitPriceCents,
  quantity,
  ...(name ? { name } : {}),
});

beforeAll(async () => {
  const categoryId = (await createCategory(db)).id;
  for (let i = 0; i < 3; i++) products.push((await createProduct(db, { categoryId })).id);
  const a = await createUser(db, { role: 'admin' });
  admin = await signIn(ctx.app, a.user.email, a.password);
});

describe('sales roll-ups', () => {
  it('equal the orders through placement, refunds, cancellation, late payment and shipping', async () => {
    const placed = await createOrder(db, {
      lines: [line(0, 1000, 2), line(1, 300, 1)],
      paidAt: at('2023-03-01T00:00:00Z'),
    });
    const refunded = await createOrder(db, {
      lines: [line(1, 300, 5, 'Renamed later')],
      paidAt: at('2023-03-01T23:59:59Z'),
    });
    const cancelled = await createOrder(db, {
      lines: [line(2, 5000, 1)],
      paidAt: at('2023-03-15T12:00:00Z'),
    });
    const pending = await createOrder(db, {
      status: 'pending_payment',
      lines: [line(2, 700, 3)],
      createdAt: at('2023-03-20T10:00:00Z'),
    });
    const shipped = await createOrder(db, { lines: [line(0, 1000, 1)], paidAt: at('2023-04-10T23:00:00Z') });
    await createOrder(db, { lines: [line(0, 1000, 9)], paidAt: at('2023-04-11T00:00:00Z') });
    expect(await report()).toEqual(await fromOrders());

    // A partial refund, then the rest: revenue drops, the order and its lines still count.
    await db
      .update(orders)
      .set({ refundedCents: 500, status: 'partially_refunded' })
      .where(eq(orders.id, refunded.id));
    await db
      .update(orders)
      .set({ refundedCents: 1500, status: 'refunded' })
      .where(eq(orders.id, refunded.id));
    // Cancelled after payment: the order and its lines leave the report.
    await db
      .update(orders)
      .set({ status: 'cancelled', cancelledAt: at('2023-03-16T00:00:00Z') })
      .where(eq(orders.id, cancelled.id));
    // Paid days after it was created: counted on its paid day, lines included.
    await db
      .update(orders)
      .set({ status: 'paid', paidAt: at('2023-03-22T08:00:00Z') })
      .where(eq(orders.id, pending.id));
    // Several orders in one statement; shipping changes nothing.
    await db
      .update(orders)
      .set({ status: 'shipped', shippedAt: at('2023-04-11T00:00:00Z') })
      .where(inArray(orders.id, [placed.id, shipped.id]));

    const now = await report();
    expect(now).toEqual(await fromOrders());
    expect(now.rows).toEqual([
      { period: '2023-03-01', orders: 2, revenueCents: 2300 },
      { period: '2023-03-22', orders: 1, revenueCents: 2100 },
      { period: '2023-04-10', orders: 1, revenueCents: 1000 },
    ]);
    expect(now.topProducts.map((p) => p.productId)).toEqual([products[0], products[2], products[1]]);
  });

  it('equal the orders after a cancelled order is reinstated (its lines count again)', async () => {
    const order = await createOrder(db, {
      status: 'cancelled',
      lines: [line(1, 450, 2)],
      paidAt: at('2023-04-01T09:00:00Z'),
    });
    await db.update(orders).set({ status: 'paid', cancelledAt: null }).where(eq(orders.id, order.id));
    expect(await report()).toEqual(await fromOrders());
  });
});
