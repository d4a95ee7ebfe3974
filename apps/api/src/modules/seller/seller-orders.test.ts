import { schema } from '@securecart/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';
import { createCategory, createOrder, createProduct } from '../../../test/factories.ts';
import { createRecordingMailer } from '../../../test/fakes/recording-mailer.ts';

const mail = createRecordingMailer();
const ctx = await useTestApp({}, { mailer: mail.mailer });
const db = ctx.database.handle.db;

const call = (method: 'GET' | 'POST', url: string, who: SignedIn, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

let alice: SignedIn;
let bob: SignedIn;
let aliceId: string;
let bobId: string;
let aliceProduct: string;
let bobProduct: string;
let buyerEmail: string;
let buyerId: string;

beforeAll(async () => {
  const categoryId = (await createCategory(db)).id;
  const a = await createUser(db, { role: 'seller' });
  const b = await createUser(db, { role: 'seller' });
  aliceId = a.user.id;
  bobId = b.user.id;
  alice = await signIn(ctx.app, a.user.email, a.password);
  bob = await signIn(ctx.app, b.user.email, b.password);
  aliceProduct = (await createProduct(db, { categoryId, sellerId: aliceId, name: 'Alice vase' })).id;
  bobProduct = (await createProduct(db, { categoryId, sellerId: bobId, name: 'Bob lamp' })).id;
  const buyer = await createUser(db);
  buyerEmail = buyer.user.email;
  buyerId = buyer.user.id;
});

const mixedOrder = (fields: Partial<Parameters<typeof createOrder>[1]> = {}) =>
  createOrder(db, {
    userId: buyerId,
    lines: [
      { productId: aliceProduct, sellerId: aliceId, name: 'Alice vase', unitPriceCents: 3000, quantity: 1 },
      { productId: bobProduct, sellerId: bobId, name: 'Bob lamp', unitPriceCents: 1200, quantity: 2 },
    ],
    ...fields,
  });

describe('seller order lines', () => {
  it('lists only the caller’s own lines', async () => {
    const order = await mixedOrder();
    const res = await call('GET', '/seller/orders', alice);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.every((line: { productId: string }) => line.productId === aliceProduct)).toBe(true);
    expect(body.items[0]).toMatchObject({
      orderId: order.id,
      orderNumber: order.number,
      status: 'paid',
      name: 'Alice vase',
      quantity: 1,
      unitPriceCents: 3000,
      lineTotalCents: 3000,
      shippedAt: null,
    });
    expect(JSON.stringify(body)).not.toContain('Bob lamp');
  });

  it('ships an own line, refuses another seller’s (404), and ships the order when every line is', async () => {
    const order = await mixedOrder();
    const foreign = await call('POST', `/seller/orders/${order.id}/lines/${bobProduct}/ship`, alice, {
      carrier: 'DHL',
      trackingNumber: 'JD1',
    });
    expect(foreign.statusCode).toBe(404);

    const own = await call('POST', `/seller/orders/${order.id}/lines/${aliceProduct}/ship`, alice, {
      carrier: 'DHL',
      trackingNumber: 'JD014600006281230749',
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      carrier: 'DHL',
      trackingNumber: 'JD014600006281230749',
      status: 'paid',
    });
    expect(own.json().shippedAt).not.toBeNull();

    const twice = await call('POST', `/seller/orders/${order.id}/lines/${aliceProduct}/ship`, alice, {
      carrier: 'DHL',
      trackingNumber: 'again',
    });
    expect(twice.statusCode).toBe(409);

    const [bobLine] = await db
      .select()
      .from(schema.orderItems)
      .where(and(eq(schema.orderItems.orderId, order.id), eq(schema.orderItems.productId, bobProduct)));
    expect(bobLine?.shippedAt ?? null).toBeNull();

    const last = await call('POST', `/seller/orders/${order.id}/lines/${bobProduct}/ship`, bob, {
      carrier: 'UPS',
      trackingNumber: '1Z1',
    });
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json().status).toBe('shipped');
    await ctx.app.outbox.idle();
    expect(mail.lastTo(buyerEmail)?.text).toContain('1Z1');
  });

  it('ships the lines of a partly refunded order; the last one ships the order', async () => {
    const order = await mixedOrder({ status: 'partially_refunded', refundedCents: 1200 });
    const first = await call('POST', `/seller/orders/${order.id}/lines/${aliceProduct}/ship`, alice, {
      carrier: 'DHL',
      trackingNumber: 'JD2',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('partially_refunded');
    const last = await call('POST', `/seller/orders/${order.id}/lines/${bobProduct}/ship`, bob, {
      carrier: 'UPS',
      trackingNumber: '1Z2',
    });
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json().status).toBe('shipped');
    const [after] = await db.select().from(schema.orders).where(eq(schema.orders.id, order.id));
    expect(after).toMatchObject({ status: 'shipped', refundedCents: 1200 });
  });

  it('refuses lines of an unpaid order (409) and unknown orders (404)', async () => {
    const order = await mixedOrder({ status: 'pending_payment' });
    const res = await call('POST', `/seller/orders/${order.id}/lines/${aliceProduct}/ship`, alice, {
      carrier: 'DHL',
      trackingNumber: '1',
    });
    expect(res.statusCode).toBe(409);
    const unknown = await call(
      'POST',
      `/seller/orders/00000000-0000-4000-8000-000000000000/lines/${aliceProduct}/ship`,
      alice,
      { carrier: 'DHL', trackingNumber: '1' },
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describe('GET /seller/reports/sales', () => {
  it('sums only the caller’s lines of paid, not cancelled orders', async () => {
    const paidAt = new Date('2025-03-10T10:00:00Z');
    await mixedOrder({ paidAt });
    await mixedOrder({ paidAt: new Date('2025-03-11T10:00:00Z') });
    await mixedOrder({ status: 'cancelled', paidAt });
    const res = await call('GET', '/seller/reports/sales?from=2025-03-10&to=2025-03-11', bob);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      rows: [
        { period: '2025-03-10', orders: 1, revenueCents: 2400 },
        { period: '2025-03-11', orders: 1, revenueCents: 2400 },
      ],
      totals: { orders: 2, revenueCents: 4800 },
    });
    const csv = await call(
      'GET',
      '/seller/reports/sales?from=2025-03-10&to=2025-03-11&groupBy=month&format=csv',
      alice,
    );
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe('period,orders,revenueCents\r\n2025-03,2,6000\r\ntotal,2,6000\r\n');
  });
});
