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

type Method = 'GET' | 'POST';
const call = (
  method: Method,
  url: string,
  who?: SignedIn,
  payload?: object,
  headers: Record<string, string> = {},
) => ctx.app.inject({ method, url: `/api/v1${url}`, headers: { ...(who?.auth ?? {}), ...headers }, payload });

let admin: SignedIn;
let adminId: string;
let customer: { id: string; email: string };
let customerSession: SignedIn;
let productId: string;

/** A paid order of 2 × 2500 + 500 shipping = 5500 cents for the customer. */
const paidOrder = (fields: Partial<Parameters<typeof createOrder>[1]> = {}) =>
  createOrder(db, {
    userId: customer.id,
    lines: [{ productId, unitPriceCents: 2500, quantity: 2, name: 'Teapot' }],
    shippingCents: 500,
    ...fields,
  });

beforeAll(async () => {
  const categoryId = (await createCategory(db)).id;
  productId = (await createProduct(db, { categoryId, priceCents: 2500 })).id;
  const a = await createUser(db, { role: 'admin' });
  adminId = a.user.id;
  admin = await signIn(ctx.app, a.user.email, a.password);
  const c = await createUser(db);
  customer = { id: c.user.id, email: c.user.email };
  customerSession = await signIn(ctx.app, c.user.email, c.password);
});

const ids = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((o) => o.id);

describe('GET /admin/orders', () => {
  it('filters by status, number, email and created date, newest first', async () => {
    const guestEmail = `Case-Mix-${Date.now()}@Example.test`.toLowerCase();
    const old = await createOrder(db, {
      guestEmail,
      lines: [{ productId, unitPriceCents: 100, quantity: 1 }],
      createdAt: new Date('2026-01-05T23:59:59Z'),
    });
    const newer = await createOrder(db, {
      guestEmail,
      status: 'shipped',
      lines: [{ productId, unitPriceCents: 100, quantity: 1 }],
      createdAt: new Date('2026-01-06T00:00:00Z'),
    });
    const byEmail = await call(
      'GET',
      `/admin/orders?q=${encodeURIComponent(guestEmail.toUpperCase())}`,
      admin,
    );
    expect(byEmail.statusCode, byEmail.body).toBe(200);
    expect(byEmail.json().items.map((o: { id: string }) => o.id)).toEqual([newer.id, old.id]);
    expect(byEmail.json().items[0].customerEmail).toBe(guestEmail);

    const byNumber = await call('GET', `/admin/orders?q=${old.number.toLowerCase()}`, admin);
    expect(byNumber.json().items.map((o: { id: string }) => o.id)).toEqual([old.id]);

    const byDay = await call('GET', `/admin/orders?q=${guestEmail}&from=2026-01-05&to=2026-01-05`, admin);
    expect(byDay.json().items.map((o: { id: string }) => o.id)).toEqual([old.id]);
    const byStatus = await call('GET', `/admin/orders?q=${guestEmail}&status=shipped`, admin);
    expect(byStatus.json()).toMatchObject({ total: 1, items: [{ id: newer.id }] });

    const bad = await call('GET', '/admin/orders?from=2026-02-01&to=2026-01-01', admin);
    expect(bad.statusCode).toBe(400);
  });

  it('sorts by created date, total, number and status both ways, ties by created date alike', async () => {
    const guestEmail = `sort-${Date.now()}@example.test`;
    const order = (unitPriceCents: number, createdAt: string, status: 'paid' | 'shipped' = 'paid') =>
      createOrder(db, {
        guestEmail,
        status,
        lines: [{ productId, unitPriceCents, quantity: 1 }],
        createdAt: new Date(createdAt),
      });
    const cheapOld = await order(100, '2026-03-01T10:00:00Z', 'shipped');
    const dearMid = await order(900, '2026-03-02T10:00:00Z');
    const cheapNew = await order(100, '2026-03-03T10:00:00Z');
    const sorted = (sort: string) => call('GET', `/admin/orders?q=${guestEmail}&sort=${sort}`, admin);

    expect(ids(await sorted('created_desc'))).toEqual([cheapNew.id, dearMid.id, cheapOld.id]);
    expect(ids(await sorted('created_asc'))).toEqual([cheapOld.id, dearMid.id, cheapNew.id]);
    expect(ids(await sorted('total_desc'))).toEqual([dearMid.id, cheapNew.id, cheapOld.id]);
    expect(ids(await sorted('total_asc'))).toEqual([cheapOld.id, cheapNew.id, dearMid.id]);
    // Lifecycle order: paid before shipped.
    expect(ids(await sorted('status_asc'))).toEqual([dearMid.id, cheapNew.id, cheapOld.id]);
    expect(ids(await sorted('status_desc'))).toEqual([cheapOld.id, cheapNew.id, dearMid.id]);
    const byNumber = [cheapOld, dearMid, cheapNew].sort((a, b) => (a.number < b.number ? -1 : 1));
    expect(ids(await sorted('number_asc'))).toEqual(byNumber.map((o) => o.id));
    expect(ids(await sorted('number_desc'))).toEqual(byNumber.map((o) => o.id).reverse());

    const csv = await call('GET', `/admin/orders?q=${guestEmail}&sort=total_desc&format=csv`, admin);
    expect(csv.body.split('\r\n')[1]).toContain(dearMid.number);

    for (const bad of ['totalCents', 'created_desc;drop', 'price_asc']) {
      const res = await sorted(bad);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([expect.objectContaining({ path: 'sort' })]);
    }
  });

  it('exports the filtered list as a CSV attachment with formula cells neutralised', async () => {
    const evil = `=cmd|'/c calc'!a1-${Date.now()}@example.test`;
    const order = await createOrder(db, {
      guestEmail: evil,
      lines: [{ productId, unitPriceCents: 100, quantity: 1 }],
    });
    const res = await call('GET', `/admin/orders?format=csv&q=${encodeURIComponent(evil)}`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="orders.csv"');
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'number,createdAt,paidAt,status,customerEmail,totalCents,refundedCents,currency,carrier,trackingNumber',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${order.number},`);
    expect(lines[1]).toContain(`,'${evil},`);
    expect(lines[1]).not.toContain(`,=`);
  });
});

describe('GET /admin/orders/status-counts', () => {
  const counts = async () => {
    const res = await call('GET', '/admin/orders/status-counts', admin);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { status: string; count: number }[]; total: number };
  };

  it('counts every status, zeros included, in lifecycle order', async () => {
    const before = await counts();
    expect(before.items.map((i) => i.status)).toEqual([
      'pending_payment',
      'paid',
      'shipped',
      'completed',
      'cancelled',
      'refunded',
      'partially_refunded',
    ]);
    expect(before.total).toBe(7);
    await paidOrder({ status: 'shipped' });
    await paidOrder({ status: 'shipped' });
    await paidOrder({ status: 'cancelled' });
    const after = await counts();
    const delta = Object.fromEntries(
      after.items.map((item, i) => [item.status, item.count - before.items[i]!.count]),
    );
    expect(delta).toEqual({
      pending_payment: 0,
      paid: 0,
      shipped: 2,
      completed: 0,
      cancelled: 1,
      refunded: 0,
      partially_refunded: 0,
    });
  });

  it('answers 401 signed out and 403 to a customer', async () => {
    const anonymous = await call('GET', '/admin/orders/status-counts');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const forbidden = await call('GET', '/admin/orders/status-counts', customerSession);
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('OpenAPI document', () => {
  it('documents the sort, the status counts and the partial-refund lifecycle', async () => {
    const doc = (await call('GET', '/openapi.json')).json();
    const list = doc.paths['/api/v1/admin/orders'].get;
    const sort = list.parameters.find((p: { name: string }) => p.name === 'sort');
    expect(sort.schema.enum).toContain('total_desc');
    expect(doc.paths['/api/v1/admin/orders/status-counts'].get.operationId).toBe('adminOrderStatusCounts');
    expect(doc.paths['/api/v1/admin/orders/{id}/complete'].post.description).toContain('partially_refunded');
    expect(JSON.stringify(doc.paths['/api/v1/admin/orders/{id}/refund'].post.responses['422'])).toContain(
      'RefundExceedsProblem',
    );
  });
});

describe('GET /admin/orders/:id', () => {
  it('answers the full detail, and 404 for an unknown order', async () => {
    const order = await paidOrder();
    const res = await call('GET', `/admin/orders/${order.id}`, admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: order.id,
      customerEmail: customer.email,
      totalCents: 5500,
      items: [{ productId, quantity: 2, lineTotalCents: 5000, shippedAt: null }],
      refunds: [],
    });
    const missing = await call('GET', '/admin/orders/00000000-0000-4000-8000-000000000000', admin);
    expect(missing.statusCode).toBe(404);
  });
});

describe('ship and complete', () => {
  it('ships a paid order: status, lines, timeline, audit and an email with the tracking number', async () => {
    const order = await paidOrder();
    const res = await call('POST', `/admin/orders/${order.id}/ship`, admin, {
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'shipped', carrier: 'UPS', trackingNumber: '1Z999AA10123456784' });
    expect(body.shippedAt).not.toBeNull();
    expect(body.items[0]).toMatchObject({ carrier: 'UPS', trackingNumber: '1Z999AA10123456784' });
    expect(body.items[0].shippedAt).not.toBeNull();
    expect(body.timeline.at(-1)).toMatchObject({ status: 'shipped' });

    const [entry] = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'order.shipped'), eq(schema.auditLog.targetId, order.id)));
    expect(entry?.actorId).toBe(adminId);
    expect(entry?.details).toMatchObject({ before: { status: 'paid' }, after: { status: 'shipped' } });

    await ctx.app.outbox.idle();
    const message = mail.lastTo(customer.email);
    expect(message?.kind).toBe('order_shipped');
    expect(message?.text).toContain('1Z999AA10123456784');
    expect(message?.text).toContain(order.number);

    const again = await call('POST', `/admin/orders/${order.id}/ship`, admin, {
      carrier: 'UPS',
      trackingNumber: 'X',
    });
    expect(again.statusCode).toBe(409);

    const done = await call('POST', `/admin/orders/${order.id}/complete`, admin);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed' });
    expect(done.json().completedAt).not.toBeNull();
    const twice = await call('POST', `/admin/orders/${order.id}/complete`, admin);
    expect(twice.statusCode).toBe(409);
  });

  it.each(['pending_payment', 'cancelled', 'refunded', 'shipped'] as const)(
    'refuses to ship a %s order (409)',
    async (status) => {
      const order = await paidOrder({ status });
      const res = await call('POST', `/admin/orders/${order.id}/ship`, admin, {
        carrier: 'UPS',
        trackingNumber: '1',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('invalid_status');
    },
  );

  it('completes only a shipped order (409 from paid)', async () => {
    const order = await paidOrder();
    const res = await call('POST', `/admin/orders/${order.id}/complete`, admin);
    expect(res.statusCode).toBe(409);
  });

  it('validates the ship body (400)', async () => {
    const order = await paidOrder();
    const res = await call('POST', `/admin/orders/${order.id}/ship`, admin, { carrier: '' });
    expect(res.statusCode).toBe(400);
  });
});

describe('POST /admin/orders/:id/refund', () => {
  const refund = (id: string, body: object, key?: string) =>
    call('POST', `/admin/orders/${id}/refund`, admin, body, key ? { 'idempotency-key': key } : {});

  it('refunds part, refuses more than remains (422), then refunds the rest by default', async () => {
    const order = await paidOrder();
    const part = await refund(order.id, { amountCents: 1500, reason: 'Damaged lid' });
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json()).toMatchObject({
      status: 'partially_refunded',
      refundedCents: 1500,
      refunds: [{ amountCents: 1500, reason: 'Damaged lid', status: 'succeeded' }],
    });

    const tooMuch = await refund(order.id, { amountCents: 4001, reason: 'Too much' });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.headers['content-type']).toContain('application/problem+json');
    expect(tooMuch.json()).toMatchObject({
      status: 422,
      code: 'refund_exceeds_remaining',
      detail: 'At most $40.00 can still be refunded on this order',
      refundableCents: 4000,
    });

    const rest = await refund(order.id, { reason: 'Returned' });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json()).toMatchObject({ status: 'refunded', refundedCents: 5500 });
    expect(rest.json().refunds.map((r: { amountCents: number }) => r.amountCents)).toEqual([1500, 4000]);

    const nothingLeft = await refund(order.id, { amountCents: 1, reason: 'Again' });
    expect(nothingLeft.statusCode).toBe(409);

    const audits = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'order.refunded'), eq(schema.auditLog.targetId, order.id)));
    expect(audits).toHaveLength(2);
    expect(
      audits.map((a) => (a.details as { after: { refundedCents: number } }).after.refundedCents).sort(),
    ).toEqual([1500, 5500]);
  });

  it('keeps fulfilling a partially refunded order: refund, ship, refund, complete, then the rest', async () => {
    const order = await paidOrder();
    const ship = () =>
      call('POST', `/admin/orders/${order.id}/ship`, admin, { carrier: 'UPS', trackingNumber: '1Z1' });
    const complete = () => call('POST', `/admin/orders/${order.id}/complete`, admin);

    expect((await refund(order.id, { amountCents: 500, reason: 'Missing spoon' })).json().status).toBe(
      'partially_refunded',
    );
    expect((await complete()).statusCode).toBe(409);
    const shipped = await ship();
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json()).toMatchObject({ status: 'shipped', refundedCents: 500 });
    expect((await ship()).statusCode).toBe(409);

    const afterShipping = await refund(order.id, { amountCents: 1000, reason: 'Dented lid' });
    expect(afterShipping.json()).toMatchObject({ status: 'partially_refunded', refundedCents: 1500 });
    expect((await ship()).statusCode).toBe(409);

    const completed = await complete();
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'completed', refundedCents: 1500 });
    expect(completed.json().completedAt).not.toBeNull();
    expect(completed.json().timeline.map((t: { status: string }) => t.status)).toEqual([
      'partially_refunded',
      'shipped',
      'partially_refunded',
      'completed',
    ]);

    const overRefund = await refund(order.id, { amountCents: 4001, reason: 'Too much' });
    expect(overRefund.json()).toMatchObject({ refundableCents: 4000 });
    const rest = await refund(order.id, { reason: 'Returned after all' });
    expect(rest.json()).toMatchObject({ status: 'refunded', refundedCents: 5500 });
    expect((await refund(order.id, { amountCents: 1, reason: 'Again' })).statusCode).toBe(409);
    expect((await complete()).statusCode).toBe(409);
  });

  it('does not complete twice after a refund of a completed order', async () => {
    const order = await paidOrder();
    await call('POST', `/admin/orders/${order.id}/ship`, admin, { carrier: 'UPS', trackingNumber: '1Z2' });
    expect((await call('POST', `/admin/orders/${order.id}/complete`, admin)).statusCode).toBe(200);
    const part = await refund(order.id, { amountCents: 100, reason: 'Goodwill' });
    expect(part.json()).toMatchObject({ status: 'partially_refunded' });
    const again = await call('POST', `/admin/orders/${order.id}/complete`, admin);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_status');
  });

  it.each([{ amountCents: 0 }, { amountCents: -5 }, { amountCents: 10.5 }, { amountCents: '100' }, {}])(
    'answers 400 to %j',
    async (body) => {
      const order = await paidOrder();
      const res = await refund(order.id, { reason: 'x', ...body, ...('reason' in body ? {} : {}) });
      if (Object.keys(body).length === 0) {
        const noReason = await call('POST', `/admin/orders/${order.id}/refund`, admin, { amountCents: 100 });
        expect(noReason.statusCode).toBe(400);
        return;
      }
      expect(res.statusCode).toBe(400);
    },
  );

  it('refuses a refund of an unpaid or cancelled order (409)', async () => {
    for (const status of ['pending_payment', 'cancelled'] as const) {
      const order = await paidOrder({ status });
      const res = await refund(order.id, { reason: 'x' });
      expect(res.statusCode).toBe(409);
    }
  });

  it('returns the first result to a retry with the same Idempotency-Key, without refunding twice', async () => {
    const order = await paidOrder();
    const key = `refund-${order.id}`;
    const first = await refund(order.id, { amountCents: 1000, reason: 'Late' }, key);
    expect(first.statusCode, first.body).toBe(200);
    const retry = await refund(order.id, { amountCents: 1000, reason: 'Late' }, key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    const rows = await db.select().from(schema.refunds).where(eq(schema.refunds.orderId, order.id));
    expect(rows).toHaveLength(1);
    const [after] = await db.select().from(schema.orders).where(eq(schema.orders.id, order.id));
    expect(after?.refundedCents).toBe(1000);

    const otherBody = await refund(order.id, { amountCents: 2000, reason: 'Late' }, key);
    expect(otherBody.statusCode).toBe(422);
  });

  it('never refunds more than was paid under concurrent refunds', async () => {
    const order = await paidOrder();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => refund(order.id, { amountCents: 2000, reason: `Concurrent ${i}` })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 422, 422, 422]);
    const [after] = await db.select().from(schema.orders).where(eq(schema.orders.id, order.id));
    expect(after?.refundedCents).toBe(4000);
    const rows = await db.select().from(schema.refunds).where(eq(schema.refunds.orderId, order.id));
    expect(rows.reduce((sum, r) => sum + r.amountCents, 0)).toBe(4000);

    // Two full refunds at once: exactly one succeeds.
    const other = await paidOrder();
    const both = await Promise.all([refund(other.id, { reason: 'a' }), refund(other.id, { reason: 'b' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [otherAfter] = await db.select().from(schema.orders).where(eq(schema.orders.id, other.id));
    expect(otherAfter).toMatchObject({ refundedCents: 5500, status: 'refunded' });
  });
});
