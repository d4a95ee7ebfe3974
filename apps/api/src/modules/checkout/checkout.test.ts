import { schema } from '@securecart/db';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, signIn } from '../../../test/auth.ts';
import { checkoutFlow, US_ADDRESS } from '../../../test/checkout-flow.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';
import { sha256 } from '../../lib/crypto.ts';

const ctx = await useTestApp();
const members = await useTestApp({ requireLogin: true });
const db = ctx.database.handle.db;
const { call, guestCart, start, toReview, complete } = checkoutFlow(ctx.app);

let lamp: { id: string }; // 2 500¢
let mug: { id: string }; // 1 000¢

beforeAll(async () => {
  const categoryId = (await createCategory(db)).id;
  lamp = await createProduct(db, { categoryId, name: 'Lamp', priceCents: 2500, stock: 50 });
  mug = await createProduct(db, { categoryId, name: 'Mug', priceCents: 1000, stock: 50 });
});

describe('POST /checkout', () => {
  it('starts from the guest cart, ignores client prices, needs an email and reuses the open draft', async () => {
    const headers = await guestCart([{ productId: lamp.id, quantity: 2 }]);
    const missing = await call('POST', '/checkout', headers, {});
    expect(missing.statusCode).toBe(400);
    const res = await call('POST', '/checkout', headers, {
      email: 'Guest@Example.test',
      priceCents: 1,
      summary: { totalCents: 1 },
      lines: [{ productId: lamp.id, unitPriceCents: 1, quantity: 2 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json();
    expect(draft.step).toBe('address');
    expect(draft.summary.subtotalCents).toBe(5000);
    expect(draft.summary.lines[0].unitPriceCents).toBe(2500);
    const again = await start(headers, { email: 'guest@example.test' });
    expect(again.id).toBe(draft.id);
  });

  it('refuses an empty cart with 422 and guests of a members-only shop with 401', async () => {
    const headers = await guestCart([]);
    const empty = await call('POST', '/checkout', headers, { email: 'a@example.test' });
    expect(empty.statusCode).toBe(422);
    const res = await members.app.inject({
      method: 'POST',
      url: '/api/v1/checkout',
      payload: { email: 'a@example.test' },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /checkout/current', () => {
  const current = async (headers?: Record<string, string>) => {
    const res = await call('GET', '/checkout/current', headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().checkout;
  };
  const auditRows = async () => (await db.select({ n: count() }).from(schema.auditLog))[0]!.n;
  const lastActiveAt = async (userId: string) =>
    (await db.select().from(schema.carts).where(eq(schema.carts.userId, userId)))[0]?.lastActiveAt;

  it('answers null without a draft, then the draft POST /checkout started, writing nothing', async () => {
    const headers = await guestCart([{ productId: mug.id, quantity: 1 }]);
    const cartSeen = async () =>
      (
        await db
          .select()
          .from(schema.carts)
          .where(eq(schema.carts.tokenHash, sha256(headers['x-cart-token']!)))
      )[0]!.lastActiveAt;
    const drafts = async () => (await db.select({ n: count() }).from(schema.checkouts))[0]!.n;
    const before = { audits: await auditRows(), drafts: await drafts(), seen: await cartSeen() };
    expect(await current(headers)).toBeNull();
    expect({ audits: await auditRows(), drafts: await drafts(), seen: await cartSeen() }).toEqual(before);

    const { id } = await start(headers, { email: 'cur@example.test' });
    const started = { audits: await auditRows(), drafts: await drafts(), seen: await cartSeen() };
    expect(await current(headers)).toEqual((await call('GET', `/checkout/${id}`, headers)).json());
    const afterGet = await cartSeen();
    expect(await current(headers)).toMatchObject({ id, status: 'open', email: 'cur@example.test' });
    expect({ audits: await auditRows(), drafts: await drafts(), seen: await cartSeen() }).toEqual({
      ...started,
      seen: afterGet,
    });
  });

  it('never creates nor touches a signed-in user’s cart, and finds the draft from another device', async () => {
    const { user, password } = await createUser(db);
    const first = await signIn(ctx.app, user.email, password);
    expect(await current(first.auth)).toBeNull();
    expect(await lastActiveAt(user.id)).toBeUndefined();

    await call('POST', '/cart/items', first.auth, { productId: lamp.id, quantity: 1 });
    const mine = await start(first.auth);
    const touched = await lastActiveAt(user.id);
    const second = await signIn(ctx.app, user.email, password);
    const audits = await auditRows();
    expect(await current(second.auth)).toMatchObject({ id: mine.id, status: 'open', step: 'address' });
    expect(await lastActiveAt(user.id)).toEqual(touched);
    expect(await auditRows()).toBe(audits);
  });

  it('shows another user or another cart token nothing, and signed-out callers as the other routes do', async () => {
    const headers = await guestCart([{ productId: mug.id, quantity: 1 }]);
    await start(headers, { email: 'theirs@example.test' });
    const stranger = await guestCart([{ productId: mug.id, quantity: 1 }]);
    expect(await current(stranger)).toBeNull();
    expect(await current({ 'x-cart-token': 'unknown-cart-token' })).toBeNull();
    // Without a cart token there is no cart, hence no draft; a members-only shop refuses guests.
    expect(await current()).toBeNull();
    const other = await createUser(db);
    const intruder = await signIn(ctx.app, other.user.email, other.password);
    expect(await current(intruder.auth)).toBeNull();
    const members401 = await members.app.inject({ method: 'GET', url: '/api/v1/checkout/current', headers });
    expect(members401.statusCode).toBe(401);
  });

  it('does not answer completed or abandoned drafts, as POST /checkout starts a new one then', async () => {
    const headers = await guestCart([{ productId: mug.id, quantity: 1 }]);
    const abandoned = await start(headers, { email: 'gone@example.test' });
    await db
      .update(schema.checkouts)
      .set({ status: 'abandoned', abandonedAt: new Date() })
      .where(eq(schema.checkouts.id, abandoned.id));
    expect(await current(headers)).toBeNull();

    const fresh = await start(headers, { email: 'gone@example.test' });
    expect(fresh.id).not.toBe(abandoned.id);
    expect((await current(headers)).id).toBe(fresh.id);
    await toReview(headers, fresh.id);
    expect((await complete(headers, fresh.id)).statusCode).toBe(201);
    expect(await current(headers)).toBeNull();
  });

  it('is in the OpenAPI document with its CurrentCheckout body', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const path = Object.keys(doc.paths).find((p) => p.endsWith('/checkout/current'))!;
    const operation = doc.paths[path].get;
    expect(operation.operationId).toBe('getCurrentCheckout');
    expect(operation.description).toContain('{ checkout: null }');
    expect(JSON.stringify(operation.responses[200])).toContain('CurrentCheckout');
    expect(doc.components.schemas.CurrentCheckout).toBeDefined();
  });
});

describe('steps', () => {
  it('refuses out-of-order steps with 409 and lets the buyer go back', async () => {
    const headers = await guestCart([{ productId: mug.id, quantity: 1 }]);
    const { id } = await start(headers, { email: 'steps@example.test' });
    for (const [method, url, body] of [
      ['PUT', `/checkout/${id}/shipping`, { methodId: 'standard' }],
      ['GET', `/checkout/${id}/shipping-methods`, undefined],
      ['POST', `/checkout/${id}/payment`, undefined],
      ['POST', `/checkout/${id}/complete`, { cardNumber: '4242424242424242' }],
    ] as const) {
      const res = await call(method, url, headers, body);
      expect(res.statusCode, url).toBe(409);
      expect(res.json().code).toBe('checkout_step_out_of_order');
      // The step to go back to survives response serialization (a problem's extension member).
      expect(res.json().step, url).toBe('address');
    }
    await toReview(headers, id);
    expect((await call('GET', `/checkout/${id}`, headers)).json().step).toBe('review');
    // Back to the address step: shipping and payment must be done again.
    const back = await call('PUT', `/checkout/${id}/address`, headers, {
      shippingAddress: US_ADDRESS,
      billingSameAsShipping: true,
    });
    expect(back.json().step).toBe('shipping');
    expect(back.json().shippingMethodId).toBeNull();
    const payment = await call('POST', `/checkout/${id}/payment`, headers);
    expect(payment.json().code).toBe('checkout_step_out_of_order');
  });

  it('lists eligible shipping methods in the page shape and computes tax and shipping', async () => {
    const headers = await guestCart([{ productId: mug.id, quantity: 2 }]);
    const { id } = await start(headers, { email: 'ship@example.test' });
    await call('PUT', `/checkout/${id}/address`, headers, {
      shippingAddress: US_ADDRESS,
      billingSameAsShipping: true,
    });
    const methods = await call('GET', `/checkout/${id}/shipping-methods`, headers);
    expect(methods.statusCode).toBe(200);
    const body = methods.json();
    expect(body.page).toBe(1);
    expect(body.items.map((m: { id: string }) => m.id)).toEqual(['standard', 'express']); // 2 000¢ < free threshold
    const free = await call('PUT', `/checkout/${id}/shipping`, headers, { methodId: 'free' });
    expect(free.statusCode).toBe(422);
    const res = await call('PUT', `/checkout/${id}/shipping`, headers, { methodId: 'express' });
    // 2 000¢ at California's 725 bp = 145¢; express 1 499¢.
    expect(res.json().summary).toMatchObject({
      subtotalCents: 2000,
      taxCents: 145,
      shippingCents: 1499,
      totalCents: 3644,
    });
  });

  it('refuses a country outside the tax table with 422 and an invalid address with 400', async () => {
    const headers = await guestCart([{ productId: mug.id, quantity: 1 }]);
    const { id } = await start(headers, { email: 'jp@example.test' });
    const far = await call('PUT', `/checkout/${id}/address`, headers, {
      shippingAddress: { ...US_ADDRESS, country: 'JP', region: '', postalCode: '100-0001' },
      billingSameAsShipping: true,
    });
    expect(far.statusCode, far.body).toBe(422);
    const bad = await call('PUT', `/checkout/${id}/address`, headers, {
      shippingAddress: { ...US_ADDRESS, postalCode: 'nope' },
      billingSameAsShipping: true,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('stores the address encrypted at rest and writes an audit entry per step', async () => {
    const headers = await guestCart([{ productId: mug.id, quantity: 1 }]);
    const { id } = await start(headers, { email: 'enc@example.test' });
    await toReview(headers, id);
    const [row] = await db.select().from(schema.checkouts).where(eq(schema.checkouts.id, id));
    expect(row!.addressEnc).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain('Market Street');
    expect(JSON.stringify(row)).not.toContain('Ada Buyer');
    expect((await call('GET', `/checkout/${id}`, headers)).json().shippingAddress.line1).toBe(
      '1 Market Street',
    );
    const actions = (await db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, id))).map(
      (entry) => entry.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'checkout.started',
        'checkout.address_set',
        'checkout.shipping_set',
        'checkout.payment_started',
      ]),
    );
  });
});

describe('ownership', () => {
  it('another cart token or another user gets 404; a signed-in user resumes on another device', async () => {
    const headers = await guestCart([{ productId: mug.id, quantity: 1 }]);
    const { id } = await start(headers, { email: 'own@example.test' });
    const stranger = await guestCart([{ productId: mug.id, quantity: 1 }]);
    expect((await call('GET', `/checkout/${id}`, stranger)).statusCode).toBe(404);
    expect((await call('GET', `/checkout/${id}`)).statusCode).toBe(404);

    const { user, password } = await createUser(db);
    const first = await signIn(ctx.app, user.email, password);
    const second = await signIn(ctx.app, user.email, password);
    await call('POST', '/cart/items', first.auth, { productId: lamp.id, quantity: 1 });
    const mine = await start(first.auth);
    expect((await call('GET', `/checkout/${id}`, first.auth)).statusCode).toBe(404);
    const resumed = await call('GET', `/checkout/${mine.id}`, second.auth);
    expect(resumed.statusCode).toBe(200);
    const other = await createUser(db);
    const intruder = await signIn(ctx.app, other.user.email, other.password);
    expect((await call('GET', `/checkout/${mine.id}`, intruder.auth)).statusCode).toBe(404);
    expect(
      (
        await call('PUT', `/checkout/${mine.id}/address`, intruder.auth, {
          shippingAddress: US_ADDRESS,
          billingSameAsShipping: true,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('uses a saved address of the signed-in user, and not someone else’s', async () => {
    const { user, password } = await createUser(db);
    const session = await signIn(ctx.app, user.email, password);
    const saved = await call('POST', '/me/addresses', session.auth, US_ADDRESS);
    expect(saved.statusCode, saved.body).toBe(201);
    await call('POST', '/cart/items', session.auth, { productId: mug.id, quantity: 1 });
    const { id } = await start(session.auth);
    const res = await call('PUT', `/checkout/${id}/address`, session.auth, {
      shippingAddressId: saved.json().id,
      billingSameAsShipping: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().shippingAddress.city).toBe('San Francisco');
    const other = await createUser(db);
    const intruder = await signIn(ctx.app, other.user.email, other.password);
    await call('POST', '/cart/items', intruder.auth, { productId: mug.id, quantity: 1 });
    const theirs = await start(intruder.auth);
    const stolen = await call('PUT', `/checkout/${theirs.id}/address`, intruder.auth, {
      shippingAddressId: saved.json().id,
      billingSameAsShipping: true,
    });
    expect(stolen.statusCode).toBe(404);
  });
});
