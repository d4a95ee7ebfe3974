import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';
import { checkoutFlow } from '../../../test/checkout-flow.ts';
import { createCategory, createOrder, createProduct } from '../../../test/factories.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;
const { call, addItems, start, toReview, complete } = checkoutFlow(ctx.app);

let categoryId: string;
let product: { id: string; slug: string };
let buyer: SignedIn;
let secondBuyer: SignedIn;

async function buy(session: SignedIn, productId: string) {
  await addItems(session.auth, [{ productId, quantity: 1 }]);
  const { id } = await start(session.auth);
  await toReview(session.auth, id);
  expect((await complete(session.auth, id)).statusCode).toBe(201);
}

beforeAll(async () => {
  categoryId = (await createCategory(db)).id;
  product = await createProduct(db, { categoryId, priceCents: 1000, stock: 10 });
  const a = await createUser(db, { name: 'Grace Hopper' });
  buyer = await signIn(ctx.app, a.user.email, a.password);
  const b = await createUser(db);
  secondBuyer = await signIn(ctx.app, b.user.email, b.password);
  await buy(buyer, product.id);
  await buy(secondBuyer, product.id);
});

describe('reviews', () => {
  it('only buyers review (403 otherwise), once (409), rating 1–5, and the product average follows', async () => {
    const outsider = await createUser(db);
    const session = await signIn(ctx.app, outsider.user.email, outsider.password);
    const refused = await call('POST', `/products/${product.id}/reviews`, session.auth, {
      rating: 5,
      body: 'Great',
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (await call('POST', `/products/${product.id}/reviews`, {}, { rating: 5, body: 'x' })).statusCode,
    ).toBe(401);
    for (const rating of [0, 6, 2.5]) {
      const bad = await call('POST', `/products/${product.id}/reviews`, buyer.auth, { rating, body: 'x' });
      expect(bad.statusCode).toBe(400);
    }
    const long = await call('POST', `/products/${product.id}/reviews`, buyer.auth, {
      rating: 4,
      body: 'x'.repeat(5001),
    });
    expect(long.statusCode).toBe(400);

    const body = '<script>alert(1)</script> Lovely';
    const created = await call('POST', `/products/${product.id}/reviews`, buyer.auth, { rating: 4, body });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ rating: 4, body, authorName: 'Grace' });
    const second = await call('POST', `/products/${product.id}/reviews`, buyer.auth, {
      rating: 1,
      body: 'again',
    });
    expect(second.statusCode).toBe(409);
    expect(
      (await call('POST', `/products/${product.id}/reviews`, secondBuyer.auth, { rating: 1, body: 'meh' }))
        .statusCode,
    ).toBe(201);

    const [row] = await db.select().from(schema.products).where(eq(schema.products.id, product.id));
    expect(row).toMatchObject({ reviewCount: 2, ratingTotal: 5 });
    const shown = await call('GET', `/products/${product.id}`);
    expect(shown.json()).toMatchObject({ reviewCount: 2, rating: 2.5 });

    const list = await call('GET', `/products/${product.id}/reviews?pageSize=1`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    expect(list.json().items).toHaveLength(1);
  });
});

describe('GET /products/:id/reviews/eligibility', () => {
  const eligibility = (productId: string, headers: Record<string, string> = {}) =>
    call('GET', `/products/${productId}/reviews/eligibility`, headers);

  async function newCustomer() {
    const { user, password } = await createUser(db);
    return { id: user.id, session: await signIn(ctx.app, user.email, password) };
  }

  it('is for signed-in users only (401), about an existing product (404, 400 for a bad id)', async () => {
    const lamp = await createProduct(db, { categoryId });
    expect((await eligibility(lamp.id)).statusCode).toBe(401);
    expect((await eligibility(lamp.id, { authorization: 'Bearer not.a.token' })).statusCode).toBe(401);
    const { session } = await newCustomer();
    expect((await eligibility('00000000-0000-4000-8000-000000000000', session.auth)).statusCode).toBe(404);
    const retired = await createProduct(db, { categoryId, active: false });
    expect((await eligibility(retired.id, session.auth)).statusCode).toBe(404);
    expect((await eligibility('lamp', session.auth)).statusCode).toBe(400);
  });

  it('a buyer may review until they have; a non-buyer may not, and POST agrees each time', async () => {
    const lamp = await createProduct(db, { categoryId });
    const shopper = await newCustomer();
    const outsider = await newCustomer();
    await createOrder(db, {
      userId: shopper.id,
      status: 'shipped',
      lines: [{ productId: lamp.id, unitPriceCents: 1000, quantity: 1 }],
    });

    const open = await eligibility(lamp.id, shopper.session.auth);
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual({ canReview: true });
    expect(open.headers['cache-control']).toBe('no-store');
    expect((await eligibility(lamp.id, outsider.session.auth)).json()).toEqual({
      canReview: false,
      reason: 'not_purchased',
    });
    const refused = await call('POST', `/products/${lamp.id}/reviews`, outsider.session.auth, {
      rating: 5,
      body: 'Great',
    });
    expect(refused.statusCode).toBe(403);

    const posted = await call('POST', `/products/${lamp.id}/reviews`, shopper.session.auth, {
      rating: 5,
      body: 'Great',
    });
    expect(posted.statusCode).toBe(201);
    expect((await eligibility(lamp.id, shopper.session.auth)).json()).toEqual({
      canReview: false,
      reason: 'already_reviewed',
    });
    // Another user's purchase and review say nothing about the outsider.
    expect((await eligibility(lamp.id, outsider.session.auth)).json()).toEqual({
      canReview: false,
      reason: 'not_purchased',
    });
  });

  it('counts only paid-or-later orders of this product by this user', async () => {
    const lamp = await createProduct(db, { categoryId });
    const other = await createProduct(db, { categoryId });
    const customer = await newCustomer();
    const line = (productId: string) => [{ productId, unitPriceCents: 1000, quantity: 1 }];
    for (const status of ['pending_payment', 'cancelled', 'refunded'] as const) {
      await createOrder(db, { userId: customer.id, status, lines: line(lamp.id) });
    }
    await createOrder(db, { userId: customer.id, status: 'paid', lines: line(other.id) });
    await createOrder(db, { userId: (await newCustomer()).id, status: 'paid', lines: line(lamp.id) });
    await createOrder(db, { guestEmail: 'guest@example.test', status: 'paid', lines: line(lamp.id) });
    expect((await eligibility(lamp.id, customer.session.auth)).json()).toEqual({
      canReview: false,
      reason: 'not_purchased',
    });

    await createOrder(db, { userId: customer.id, status: 'partially_refunded', lines: line(lamp.id) });
    expect((await eligibility(lamp.id, customer.session.auth)).json()).toEqual({ canReview: true });
  });

  it('says already_reviewed even after the order behind the review was refunded', async () => {
    const lamp = await createProduct(db, { categoryId });
    const customer = await newCustomer();
    const order = await createOrder(db, {
      userId: customer.id,
      lines: [{ productId: lamp.id, unitPriceCents: 1000, quantity: 1 }],
    });
    const posted = await call('POST', `/products/${lamp.id}/reviews`, customer.session.auth, {
      rating: 3,
      body: 'Fine',
    });
    expect(posted.statusCode).toBe(201);
    await db.update(schema.orders).set({ status: 'refunded' }).where(eq(schema.orders.id, order.id));
    expect((await eligibility(lamp.id, customer.session.auth)).json()).toEqual({
      canReview: false,
      reason: 'already_reviewed',
    });
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operation = doc.paths['/api/v1/products/{id}/reviews/eligibility'].get;
    expect(operation.operationId).toBe('getReviewEligibility');
    expect(operation.description).toContain('already_reviewed');
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404']));
  });
});
