import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { checkoutFlow, GOOD_CARD } from '../../../test/checkout-flow.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';
import {
  FAKE_PUBLISHABLE_KEY,
  FAKE_SECRET_KEY,
  FAKE_WEBHOOK_SECRET,
  startFakeStripe,
} from '../../../test/fakes/fake-stripe.ts';
import { createRecordingMailer } from '../../../test/fakes/recording-mailer.ts';

const fake = await startFakeStripe();
afterAll(() => fake.close());
const mail = createRecordingMailer();
const ctx = await useTestApp(
  {
    payments: {
      provider: 'stripe',
      stripeSecretKey: FAKE_SECRET_KEY,
      stripeWebhookSecret: FAKE_WEBHOOK_SECRET,
      stripePublishableKey: FAKE_PUBLISHABLE_KEY,
      stripeApiBase: fake.url,
    },
  },
  { mailer: mail.mailer },
);
const db = ctx.database.handle.db;
const { call, guestCart, start, toReview } = checkoutFlow(ctx.app);

let categoryId: string;
beforeAll(async () => {
  categoryId = (await createCategory(db)).id;
});

/** A guest draft at review with a started PaymentIntent. */
async function atReview(stock = 20, quantity = 2) {
  const product = await createProduct(db, { categoryId, priceCents: 2500, stock });
  const email = `buyer-${product.id.slice(0, 8)}@example.test`;
  const headers = await guestCart([{ productId: product.id, quantity }]);
  const draft = await start(headers, { email });
  const started = await toReview(headers, draft.id);
  const intentId = String(started.clientSecret).split('_secret_')[0]!;
  const intent = fake.intents.get(intentId)!;
  const { summary } = (await call('GET', `/checkout/${draft.id}`, headers)).json();
  return { product, email, headers, id: draft.id, started, intentId, intent, totalCents: summary.totalCents };
}

const webhook = (payload: string, signature?: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/payments/stripe/webhook',
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    payload,
  });

const ordersOf = (checkoutId: string) =>
  db.select().from(schema.orders).where(eq(schema.orders.checkoutId, checkoutId));
const draftRow = async (id: string) =>
  (await db.select().from(schema.checkouts).where(eq(schema.checkouts.id, id)))[0]!;
const complete = (headers: Record<string, string>, id: string, body: object = {}) =>
  call('POST', `/checkout/${id}/complete`, headers, body);

describe('stripe payment step and completion', () => {
  it('creates an intent for the server-computed total, then places the order once Stripe says succeeded', async () => {
    const product = await createProduct(db, { categoryId, priceCents: 2500, stock: 5 });
    const headers = await guestCart([{ productId: product.id, quantity: 2 }]);
    const draft = await start(headers, { email: 'happy@example.test' });
    await call('PUT', `/checkout/${draft.id}/address`, headers, {
      shippingAddress: {
        name: 'Ada Buyer',
        line1: '1 Market Street',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US',
      },
      billingSameAsShipping: true,
    });
    await call('PUT', `/checkout/${draft.id}/shipping`, headers, { methodId: 'standard' });
    const res = await call('POST', `/checkout/${draft.id}/payment`, headers, { amount: 1, totalCents: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const started = res.json();
    expect(started).toMatchObject({ provider: 'stripe', publishableKey: FAKE_PUBLISHABLE_KEY });
    expect(started.clientSecret).toMatch(/^pi_.+_secret_/);
    const intentId = started.clientSecret.split('_secret_')[0];
    const { summary } = (await call('GET', `/checkout/${draft.id}`, headers)).json();
    expect(summary.totalCents).toBeGreaterThan(5000);
    const intent = fake.intents.get(intentId)!;
    expect(intent).toMatchObject({
      amount: summary.totalCents,
      currency: 'usd',
      metadata: { checkoutId: draft.id },
    });
    const create = fake.requests.find((r) => r.path === '/v1/payment_intents' && r.method === 'POST');
    expect(create?.idempotencyKey).toBe(`checkout:${draft.id}:${summary.totalCents}`);

    // The same draft and amount reuse the intent.
    const again = await call('POST', `/checkout/${draft.id}/payment`, headers);
    expect(again.json().clientSecret).toBe(started.clientSecret);

    // Not confirmed yet: 402, the draft stays open and stock untouched.
    const early = await complete(headers, draft.id);
    expect(early.statusCode, early.body).toBe(402);
    expect(early.json().code).toBe('payment_incomplete');
    fake.setStatus(intentId, 'processing');
    const processing = await complete(headers, draft.id);
    expect(processing.statusCode).toBe(409);
    expect(processing.json().code).toBe('payment_processing');
    expect((await draftRow(draft.id)).status).toBe('open');

    fake.succeed(intentId);
    const placed = await complete(headers, draft.id);
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().order).toMatchObject({ status: 'paid', totalCents: summary.totalCents });
    const [order] = await ordersOf(draft.id);
    expect(order).toMatchObject({ paymentProvider: 'stripe', paymentIntentId: intentId });
    const [stock] = await db.select().from(schema.products).where(eq(schema.products.id, product.id));
    expect(stock!.stock).toBe(3);
  });

  it('refuses a card number in the stripe completion body (card data never reaches us)', async () => {
    const { headers, id } = await atReview();
    const res = await complete(headers, id, { cardNumber: GOOD_CARD });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('card_data_refused');
    expect(await ordersOf(id)).toHaveLength(0);
  });
});

describe('POST /payments/stripe/webhook', () => {
  it('refuses a missing, wrong or stale signature with 400 and changes nothing', async () => {
    const { id, intentId } = await atReview();
    const intent = fake.succeed(intentId);
    const good = fake.webhook('payment_intent.succeeded', intent, { eventId: 'evt_sig_test' });
    const missing = await webhook(good.payload);
    expect(missing.statusCode).toBe(400);
    const wrong = fake.webhook('payment_intent.succeeded', intent, {
      eventId: 'evt_sig_test',
      secret: 'whsec_someone_else',
    });
    const bad = await webhook(wrong.payload, wrong.signature);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_signature');
    const tampered = await webhook(good.payload.replace(intentId, 'pi_other'), good.signature);
    expect(tampered.statusCode).toBe(400);
    const old = fake.webhook('payment_intent.succeeded', intent, {
      eventId: 'evt_sig_test',
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    const stale = await webhook(old.payload, old.signature);
    expect(stale.statusCode).toBe(400);
    expect(await ordersOf(id)).toHaveLength(0);
    const seen = await db
      .select()
      .from(schema.paymentEvents)
      .where(eq(schema.paymentEvents.eventId, 'evt_sig_test'));
    expect(seen).toHaveLength(0);
  });

  it('webhook first, then the client: one order, and a replayed event does nothing twice', async () => {
    const { headers, id, intentId, product } = await atReview(20, 2);
    const event = fake.webhook('payment_intent.succeeded', fake.succeed(intentId));
    const first = await webhook(event.payload, event.signature);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ received: true, duplicate: false });
    const orders = await ordersOf(id);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ status: 'paid', paymentIntentId: intentId });

    const replay = await webhook(event.payload, event.signature);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().duplicate).toBe(true);

    // With an Idempotency-Key the webhook's order is answered, and a retry replays it at once.
    const keyed = { ...headers, 'idempotency-key': 'key-after-webhook-01' };
    const placed = await complete(keyed, id);
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().order.id).toBe(orders[0]!.id);
    const retried = await complete(keyed, id);
    expect(retried.statusCode, retried.body).toBe(201);
    expect(retried.json()).toEqual(placed.json());
    expect(await ordersOf(id)).toHaveLength(1);
    const [stock] = await db.select().from(schema.products).where(eq(schema.products.id, product.id));
    expect(stock!.stock).toBe(18);
    await vi.waitFor(() =>
      expect(
        mail.sent.filter((m) => m.kind === 'order_confirmation' && m.text.includes(orders[0]!.number)),
      ).toHaveLength(1),
    );
  });

  it('client first, then the webhook: one order', async () => {
    const { headers, id, intentId } = await atReview();
    const intent = fake.succeed(intentId);
    const placed = await complete(headers, id);
    expect(placed.statusCode, placed.body).toBe(201);
    const event = fake.webhook('payment_intent.succeeded', intent);
    const res = await webhook(event.payload, event.signature);
    expect(res.statusCode).toBe(200);
    expect(res.json().duplicate).toBe(false);
    const orders = await ordersOf(id);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.id).toBe(placed.json().order.id);
  });

  it('both at once: still exactly one order', async () => {
    const { headers, id, intentId } = await atReview();
    const event = fake.webhook('payment_intent.succeeded', fake.succeed(intentId));
    const [byClient, byWebhook] = await Promise.all([
      complete(headers, id),
      webhook(event.payload, event.signature),
    ]);
    expect(byClient.statusCode, byClient.body).toBe(201);
    expect(byWebhook.statusCode, byWebhook.body).toBe(200);
    expect(await ordersOf(id)).toHaveLength(1);
  });

  it('refunds automatically and tells the customer when the stock is gone by the time the payment succeeds', async () => {
    const { headers, id, intentId, email, product, totalCents } = await atReview(2, 2);
    await db.update(schema.products).set({ stock: 1 }).where(eq(schema.products.id, product.id));
    const event = fake.webhook('payment_intent.succeeded', fake.succeed(intentId));
    const res = await webhook(event.payload, event.signature);
    expect(res.statusCode, res.body).toBe(200);
    expect(await ordersOf(id)).toHaveLength(0);
    const refunds = fake.refunds.filter((r) => r.payment_intent === intentId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.amount).toBe(totalCents);
    await vi.waitFor(() => expect(mail.lastTo(email)?.kind).toBe('payment_refunded'));
    expect((await draftRow(id)).status).toBe('open');
    // A redelivery refunds nothing twice.
    await webhook(event.payload, event.signature);
    expect(fake.refunds.filter((r) => r.payment_intent === intentId)).toHaveLength(1);
    // The refunded intent can never place an order: the buyer pays again with a fresh intent.
    expect((await draftRow(id)).paymentIntentId).toBeNull();
    await db.update(schema.products).set({ stock: 5 }).where(eq(schema.products.id, product.id));
    expect((await complete(headers, id)).statusCode).toBe(409);
    const again = await call('POST', `/checkout/${id}/payment`, headers);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().clientSecret.split('_secret_')[0]).not.toBe(intentId);
  });

  it('records a failed payment and leaves the draft open', async () => {
    const { id, intentId } = await atReview();
    const event = fake.webhook('payment_intent.payment_failed', {
      ...fake.fail(intentId),
      last_payment_error: { code: 'card_declined' },
    });
    const res = await webhook(event.payload, event.signature);
    expect(res.statusCode).toBe(200);
    expect((await draftRow(id)).status).toBe('open');
    expect(await ordersOf(id)).toHaveLength(0);
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, id));
    expect(audit.map((row) => row.action)).toContain('payment.failed');
  });

  it('charge.refunded moves the order to partially_refunded, then refunded', async () => {
    const { headers, id, intentId } = await atReview();
    fake.succeed(intentId);
    const placed = await complete(headers, id);
    expect(placed.statusCode).toBe(201);
    const total = placed.json().order.totalCents as number;
    const charge = (refunded: number) => ({
      id: 'ch_fake_refund',
      object: 'charge',
      amount: total,
      amount_refunded: refunded,
      payment_intent: intentId,
      refunded: refunded === total,
    });
    const partial = fake.webhook('charge.refunded', charge(500));
    expect((await webhook(partial.payload, partial.signature)).statusCode).toBe(200);
    let [order] = await ordersOf(id);
    expect(order).toMatchObject({ status: 'partially_refunded', refundedCents: 500 });
    const full = fake.webhook('charge.refunded', charge(total));
    expect((await webhook(full.payload, full.signature)).statusCode).toBe(200);
    [order] = await ordersOf(id);
    expect(order).toMatchObject({ status: 'refunded', refundedCents: total });
  });

  it('is documented in the OpenAPI description', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.json().paths['/api/v1/payments/stripe/webhook']?.post?.description).toMatch(/Stripe Event/);
  });
});
