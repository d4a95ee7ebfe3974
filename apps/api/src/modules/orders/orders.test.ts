import { schema } from '@securecart/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp, signIn } from '../../../test/auth.ts';
import { checkoutFlow, DECLINED_CARD, GOOD_CARD } from '../../../test/checkout-flow.ts';
import { createTestClock } from '../../../test/clock.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';
import { createRecordingMailer } from '../../../test/fakes/recording-mailer.ts';
import type { SimulatedLedgerEntry } from '../payments/payment-provider.ts';
import { PENDING_PAYMENT_TTL_MS } from './order-expiry.ts';
import { loadOrder } from './order-service.ts';

const clock = createTestClock(new Date(Date.UTC(2026, 5, 1, 12)));
const mail = createRecordingMailer();
const ctx = await useTestApp({}, { clock: clock.now, mailer: mail.mailer });
const db = ctx.database.handle.db;
const { call, guestCart, addItems, start, toReview, complete } = checkoutFlow(ctx.app);
const ledger = () => (ctx.app.payments as unknown as { ledger: SimulatedLedgerEntry[] }).ledger;
const succeededCharges = (draftId: string) =>
  ledger().filter(
    (entry) => entry.kind === 'charge' && entry.draftId === draftId && entry.status === 'succeeded',
  );

let categoryId: string;
const stockOf = async (id: string) =>
  (
    await db.select({ stock: schema.products.stock }).from(schema.products).where(eq(schema.products.id, id))
  )[0]!.stock;

beforeAll(async () => {
  categoryId = (await createCategory(db)).id;
});

async function reviewedGuest(productId: string, quantity = 1, email = 'buyer@example.test') {
  const headers = await guestCart([{ productId, quantity }]);
  const { id } = await start(headers, { email });
  await toReview(headers, id);
  return { headers, id };
}

describe('POST /checkout/:id/complete', () => {
  it('places a paid order with snapshots, empties the cart, audits and emails a guest link', async () => {
    const seller = await createUser(db, { role: 'seller' });
    const product = await createProduct(db, {
      categoryId,
      name: 'Teapot',
      priceCents: 3000,
      stock: 5,
      sellerId: seller.user.id,
    });
    const { headers, id } = await reviewedGuest(product.id, 2, 'Teapot.Fan@example.test');
    const res = await complete(headers, id, GOOD_CARD);
    expect(res.statusCode, res.body).toBe(201);
    const { order } = res.json();
    expect(order.number).toMatch(/^SC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(order).toMatchObject({
      status: 'paid',
      items: [{ productId: product.id, name: 'Teapot', unitPriceCents: 3000, quantity: 2 }],
      subtotalCents: 6000,
      taxCents: 435,
      shippingCents: 599,
      totalCents: 7034,
      currency: 'USD',
    });
    expect(order.shippingAddress.city).toBe('San Francisco');
    expect(order.timeline[0].status).toBe('paid');
    expect(await stockOf(product.id)).toBe(3);
    const [item] = await db.select().from(schema.orderItems).where(eq(schema.orderItems.orderId, order.id));
    expect(item!.sellerId).toBe(seller.user.id);
    // The order and its lines go in with one statement; the roll-up triggers still see both.
    const rolled = await db
      .select()
      .from(schema.salesDailyProducts)
      .where(eq(schema.salesDailyProducts.productId, product.id));
    expect(rolled).toMatchObject([{ quantity: 2, revenueCents: 6000 }]);
    expect((await call('GET', '/cart', headers)).json().items).toEqual([]);
    const draft = await call('GET', `/checkout/${id}`, headers);
    expect(draft.json()).toMatchObject({ status: 'completed', step: 'complete' });
    const audit = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'order.placed'), eq(schema.auditLog.targetId, order.id)));
    expect(audit).toHaveLength(1);
    expect((await complete(headers, id, GOOD_CARD)).statusCode).toBe(409);

    await ctx.app.outbox.idle();
    const message = mail.lastTo('teapot.fan@example.test');
    expect(message?.text).toContain(order.number);
    expect(message?.text).toContain('($70.34)');
    const link = new URL(message!.text.match(/https?:\/\/\S+/)![0]);
    expect(link.pathname).toBe(`/orders/${order.number}`);
    const token = link.searchParams.get('token')!;
    const email = link.searchParams.get('email')!;
    const found = await call(
      'GET',
      `/orders/${order.number}?email=${encodeURIComponent(email)}&token=${token}`,
    );
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().id).toBe(order.id);
    const wrongToken = await call(
      'GET',
      `/orders/${order.number}?email=${encodeURIComponent(email)}&token=${token.slice(0, -2)}xx`,
    );
    expect(wrongToken.statusCode).toBe(404);
    const wrongEmail = await call('GET', `/orders/${order.number}?email=other%40example.test&token=${token}`);
    expect(wrongEmail.statusCode).toBe(404);
    const [row] = await db.select().from(schema.orders).where(eq(schema.orders.id, order.id));
    expect(row!.guestAccessTokenHash).not.toContain(token);
  });

  it('ignores prices sent by the client', async () => {
    const product = await createProduct(db, { categoryId, priceCents: 1000, stock: 5 });
    const { headers, id } = await reviewedGuest(product.id);
    const res = await call('POST', `/checkout/${id}/complete`, headers, {
      cardNumber: GOOD_CARD,
      totalCents: 1,
      priceCents: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().order.subtotalCents).toBe(1000);
  });

  it('a declined card answers 402, keeps the draft open and stock untouched; a retry succeeds', async () => {
    const product = await createProduct(db, { categoryId, priceCents: 1500, stock: 4 });
    const { headers, id } = await reviewedGuest(product.id, 2);
    const declined = await complete(headers, id, DECLINED_CARD);
    expect(declined.statusCode, declined.body).toBe(402);
    expect(declined.json().code).toBe('payment_declined');
    expect(await stockOf(product.id)).toBe(4);
    expect((await call('GET', `/checkout/${id}`, headers)).json()).toMatchObject({
      status: 'open',
      step: 'review',
    });
    expect(await db.select().from(schema.orders).where(eq(schema.orders.checkoutId, id))).toHaveLength(0);
    const ok = await complete(headers, id, GOOD_CARD);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await stockOf(product.id)).toBe(2);
  });

  it('a price changed after review is a 409 cart_changed listing it, and nothing is charged', async () => {
    const product = await createProduct(db, { categoryId, name: 'Clock', priceCents: 2000, stock: 5 });
    const { headers, id } = await reviewedGuest(product.id);
    await db.update(schema.products).set({ priceCents: 2600 }).where(eq(schema.products.id, product.id));
    const res = await complete(headers, id, GOOD_CARD);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('cart_changed');
    expect(res.json().changes).toEqual([
      { productId: product.id, name: 'Clock', reason: 'price_changed', before: 2000, after: 2600 },
    ]);
    expect(ledger().filter((entry) => entry.draftId === id)).toHaveLength(0);
    expect(await stockOf(product.id)).toBe(5);
  });

  it('the same Idempotency-Key sent twice at once yields one order, one charge, one stock decrement', async () => {
    const product = await createProduct(db, { categoryId, priceCents: 1200, stock: 5 });
    const { headers, id } = await reviewedGuest(product.id);
    const key = { 'idempotency-key': 'key-0123456789-abc' };
    const [a, b] = await Promise.all([
      complete(headers, id, GOOD_CARD, key),
      complete(headers, id, GOOD_CARD, key),
    ]);
    expect(a.statusCode, a.body).toBe(201);
    expect(b.statusCode, b.body).toBe(201);
    expect(a.json().order.id).toBe(b.json().order.id);
    const later = await complete(headers, id, GOOD_CARD, key);
    expect(later.json().order.id).toBe(a.json().order.id);
    expect(await db.select().from(schema.orders).where(eq(schema.orders.checkoutId, id))).toHaveLength(1);
    expect(succeededCharges(id)).toHaveLength(1);
    expect(await stockOf(product.id)).toBe(4);
  });

  it('a finished Idempotency-Key replays only to the draft’s owner; the answer is the stored order', async () => {
    const product = await createProduct(db, { categoryId, priceCents: 1500, stock: 5 });
    const { headers, id } = await reviewedGuest(product.id, 2);
    const key = { 'idempotency-key': 'key-owner-only-0001' };
    const placed = await complete(headers, id, GOOD_CARD, key);
    expect(placed.statusCode, placed.body).toBe(201);
    // The answer stored with the key (its lines filled in by the placing statement) replays as sent.
    const again = await complete(headers, id, GOOD_CARD, key);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toEqual(placed.json());
    const stranger = await guestCart([]);
    for (const who of [stranger, {}]) {
      const replay = await complete(who, id, GOOD_CARD, key);
      expect(replay.statusCode, replay.body).toBe(404);
    }
    // What the completion answered (built from the writes) is what the order reads back as.
    const [row] = await db.select().from(schema.orders).where(eq(schema.orders.checkoutId, id));
    expect(placed.json().order).toEqual(await loadOrder(db, row!));
  });

  it('200 concurrent buyers of 10 units: exactly 10 orders, stock 0, the rest 409', async () => {
    const product = await createProduct(db, { categoryId, priceCents: 999, stock: 10 });
    const buyers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => reviewedGuest(product.id, 1, `rush${i}@example.test`)),
    );
    const results = await Promise.all(buyers.map(({ headers, id }) => complete(headers, id, GOOD_CARD)));
    const statuses = results.map((res) => res.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(190);
    expect(await stockOf(product.id)).toBe(0);
    const orders = await db
      .select()
      .from(schema.orderItems)
      .where(eq(schema.orderItems.productId, product.id));
    expect(orders).toHaveLength(10);
    const charged = ledger().filter(
      (e) => e.kind === 'charge' && e.status === 'succeeded' && buyers.some((b) => b.id === e.draftId),
    );
    expect(charged).toHaveLength(10);
  }, 120_000);
});

describe('card-number guard', () => {
  it('refuses a card number in any other body with 400, and the simulated complete still works', async () => {
    const headers = await guestCart([]);
    const product = await createProduct(db, { categoryId, priceCents: 500, stock: 5 });
    for (const body of [
      { productId: product.id, quantity: 1, cardNumber: '4242424242424242' },
      { productId: product.id, quantity: 1, card_number: '4242 4242 4242 4242' },
      { productId: product.id, quantity: 1, payment: { pan: '5555555555554444' } },
      { productId: product.id, quantity: 1, note: '4111-1111-1111-1111' },
    ]) {
      const res = await call('POST', '/cart/items', headers, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('card_data_refused');
    }
    // Not Luhn-valid: an ordinary number passes.
    const fine = await call('POST', '/cart/items', headers, {
      productId: product.id,
      quantity: 1,
      note: '4242424242424241',
    });
    expect(fine.statusCode, fine.body).toBe(200);
    const { id } = await start(headers, { email: 'guard@example.test' });
    await toReview(headers, id);
    expect((await complete(headers, id, GOOD_CARD)).statusCode).toBe(201);
  });
});

describe('orders of a signed-in user', () => {
  it('/me/orders lists only my orders, newest first; another user’s order is a 404', async () => {
    const product = await createProduct(db, { categoryId, priceCents: 800, stock: 20 });
    const me = await createUser(db);
    const session = await signIn(ctx.app, me.user.email, me.password);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      await addItems(session.auth, [{ productId: product.id, quantity: 1 }]);
      const { id } = await start(session.auth);
      await toReview(session.auth, id);
      clock.advance(1000);
      const res = await complete(session.auth, id);
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().order.id);
    }
    const list = await call('GET', '/me/orders', session.auth);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(list.json().items.map((o: { id: string }) => o.id)).toEqual([ids[1], ids[0]]);
    expect((await call('GET', `/me/orders/${ids[0]}`, session.auth)).statusCode).toBe(200);

    const other = await createUser(db);
    const intruder = await signIn(ctx.app, other.user.email, other.password);
    expect((await call('GET', '/me/orders', intruder.auth)).json().total).toBe(0);
    expect((await call('GET', `/me/orders/${ids[0]}`, intruder.auth)).statusCode).toBe(404);
  });

  it('a guest order can be claimed by the account whose verified email placed it', async () => {
    const product = await createProduct(db, { categoryId, priceCents: 800, stock: 20 });
    const email = `claimer-${Date.now()}@example.test`;
    const { headers, id } = await reviewedGuest(product.id, 1, email);
    const { order } = (await complete(headers, id)).json();
    const stranger = await createUser(db);
    const strangerSession = await signIn(ctx.app, stranger.user.email, stranger.password);
    expect((await call('POST', `/orders/${order.number}/claim`, strangerSession.auth)).statusCode).toBe(404);
    const unverified = await createUser(db, { email, verified: false });
    const pending = await signIn(ctx.app, unverified.user.email, unverified.password);
    expect((await call('POST', `/orders/${order.number}/claim`, pending.auth)).statusCode).toBe(403);
    await db
      .update(schema.users)
      .set({ emailVerifiedAt: new Date() })
      .where(eq(schema.users.id, unverified.user.id));
    const claimed = await call('POST', `/orders/${order.number}/claim`, pending.auth);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect((await call('GET', `/me/orders/${order.id}`, pending.auth)).statusCode).toBe(200);
  });
});

describe('pending-payment expiry', () => {
  it('cancels orders unpaid for 30 minutes and returns their stock, once', async () => {
    const product = await createProduct(db, { categoryId, priceCents: 700, stock: 7 });
    const placedAt = clock.now();
    const [order] = await db
      .insert(schema.orders)
      .values({
        number: `SC-TEST-${String(Date.now()).slice(-4)}`.slice(0, 12),
        guestEmail: 'late@example.test',
        status: 'pending_payment',
        subtotalCents: 1400,
        taxCents: 0,
        shippingCents: 0,
        totalCents: 1400,
        shippingAddress: {
          name: 'x',
          line1: 'x',
          city: 'x',
          region: 'CA',
          postalCode: '94105',
          country: 'US',
        },
        billingAddress: {
          name: 'x',
          line1: 'x',
          city: 'x',
          region: 'CA',
          postalCode: '94105',
          country: 'US',
        },
        shippingMethodId: 'standard',
        shippingMethodName: 'Standard',
        paymentProvider: 'simulated',
        createdAt: placedAt,
      })
      .returning();
    await db.insert(schema.orderItems).values({
      orderId: order!.id,
      productId: product.id,
      name: 'x',
      unitPriceCents: 700,
      quantity: 2,
      lineTotalCents: 1400,
    });
    await db.update(schema.products).set({ stock: 5 }).where(eq(schema.products.id, product.id));

    clock.advance(PENDING_PAYMENT_TTL_MS - 1000);
    expect(await ctx.app.expirePendingOrders()).toBe(0);
    clock.advance(2000);
    const [a, b] = await Promise.all([ctx.app.expirePendingOrders(), ctx.app.expirePendingOrders()]);
    expect(a + b).toBe(1);
    expect(await stockOf(product.id)).toBe(7);
    const [row] = await db.select().from(schema.orders).where(eq(schema.orders.id, order!.id));
    expect(row!.status).toBe('cancelled');
    expect(await ctx.app.expirePendingOrders()).toBe(0);
  });
});

describe('guest lookup rate limit', () => {
  it('answers 429 after 20 lookups a minute from one IP', async () => {
    const ip = nextIp();
    let last = 0;
    for (let i = 0; i < 21; i++) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: '/api/v1/orders/SC-AAAA-BBBB?email=a%40b.test&token=0123456789abcdef',
        remoteAddress: ip,
      });
      last = res.statusCode;
      if (i < 20) expect(res.statusCode).toBe(404);
    }
    expect(last).toBe(429);
  });
});

describe('personal data', () => {
  it('exports orders, and erasing the account keeps them anonymised', async () => {
    const product = await createProduct(db, { categoryId, priceCents: 900, stock: 5 });
    const me = await createUser(db);
    const session = await signIn(ctx.app, me.user.email, me.password);
    await addItems(session.auth, [{ productId: product.id, quantity: 1 }]);
    const { id } = await start(session.auth);
    await toReview(session.auth, id);
    const { order } = (await complete(session.auth, id)).json();
    const exported = await call('GET', '/me/export', session.auth);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().orders.map((o: { id: string }) => o.id)).toEqual([order.id]);
    const erased = await call('DELETE', '/me', session.auth, { password: me.password });
    expect(erased.statusCode, erased.body).toBe(204);
    const [row] = await db.select().from(schema.orders).where(eq(schema.orders.id, order.id));
    expect(row!.totalCents).toBe(order.totalCents);
    expect(JSON.stringify(row!.shippingAddress)).not.toContain('Market Street');
    expect(JSON.stringify(row!.billingAddress)).not.toContain('Ada Buyer');
  });
});
