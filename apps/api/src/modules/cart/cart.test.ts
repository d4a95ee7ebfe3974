import { createHash } from 'node:crypto';
import { GUEST_CART_IDLE_MS } from '@securecart/contract';
import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp, signIn } from '../../../test/auth.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';
import { mergeGuestCart } from './cart-service.ts';

// The app's clock: tests move it forward to let guest carts expire.
let now = Date.UTC(2026, 2, 1, 12);
const ctx = await useTestApp({}, { clock: () => new Date(now) });
const db = ctx.database.handle.db;
const membersOnly = await useTestApp({ requireLogin: true });

type Headers = Record<string, string>;
const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  headers: Headers = {},
  payload?: unknown,
) => ctx.app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as object });

async function newGuest(): Promise<Headers> {
  const res = await call('POST', '/cart');
  expect(res.statusCode).toBe(201);
  return { 'x-cart-token': res.json().cartToken };
}

const add = (headers: Headers, productId: string, quantity: unknown, extra: object = {}) =>
  call('POST', '/cart/items', headers, { productId, quantity, ...extra });

const quantities = async (headers: Headers) => {
  const res = await call('GET', '/cart', headers);
  expect(res.statusCode).toBe(200);
  return Object.fromEntries(
    res.json().items.map((i: { productId: string; quantity: number }) => [i.productId, i.quantity]),
  );
};

function expectProblem(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (code) expect(res.json().code).toBe(code);
}

let categoryId: string;
let lamp: { id: string }; // 2 500¢, stock 5
let mug: { id: string }; // 1 000¢, stock 200
let kettle: { id: string }; // archived
let soldOut: { id: string };

beforeAll(async () => {
  categoryId = (await createCategory(db)).id;
  lamp = await createProduct(db, { categoryId, name: 'Lamp', priceCents: 2500, stock: 5 });
  mug = await createProduct(db, { categoryId, name: 'Mug', priceCents: 1000, stock: 200 });
  kettle = await createProduct(db, { categoryId, name: 'Kettle', priceCents: 3000, active: false });
  soldOut = await createProduct(db, { categoryId, name: 'Gone', priceCents: 500, stock: 0 });
});

describe('guest carts', () => {
  it('POST /cart answers 201 with an id and a 256-bit token stored only hashed', async () => {
    const res = await call('POST', '/cart');
    expect(res.statusCode).toBe(201);
    const { cartId, cartToken } = res.json();
    expect(cartToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(schema.carts).where(eq(schema.carts.id, cartId));
    expect(row!.tokenHash).toBe(createHash('sha256').update(cartToken).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(cartToken);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('an empty cart has zero totals', async () => {
    const guest = await newGuest();
    const res = await call('GET', '/cart', guest);
    expect(res.json()).toMatchObject({
      items: [],
      itemCount: 0,
      subtotalCents: 0,
      taxCents: 0,
      shippingCents: 0,
      totalCents: 0,
      currency: 'USD',
    });
  });

  it('without a token, or with an unknown one, there is no cart (404 cart_not_found)', async () => {
    expectProblem(await call('GET', '/cart'), 404, 'cart_not_found');
    expectProblem(await add({}, lamp.id, 1), 404, 'cart_not_found');
    const stranger = { 'x-cart-token': 'A'.repeat(43) };
    expectProblem(await call('GET', '/cart', stranger), 404, 'cart_not_found');
    expectProblem(await add(stranger, lamp.id, 1), 404, 'cart_not_found');
    expectProblem(
      await call('PATCH', `/cart/items/${lamp.id}`, stranger, { quantity: 1 }),
      404,
      'cart_not_found',
    );
    expectProblem(await call('DELETE', `/cart/items/${lamp.id}`, stranger), 404, 'cart_not_found');
  });

  it('tells a missing cart (cart_not_found) from a missing product (not_found), cart first', async () => {
    const guest = await newGuest();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const product = await add(guest, unknown, 1);
    expectProblem(product, 404, 'not_found');
    expect(product.json().detail).toBe('Product not found');
    expectProblem(await call('PATCH', `/cart/items/${unknown}`, guest, { quantity: 1 }), 404, 'not_found');
    // The guest's cart is still there after a product 404.
    expect((await call('GET', '/cart', guest)).statusCode).toBe(200);
    // Both gone: the cart is reported, so a client starts a new cart rather than giving up.
    const stranger = { 'x-cart-token': 'B'.repeat(43) };
    const both = await add(stranger, unknown, 1);
    expectProblem(both, 404, 'cart_not_found');
    expect(both.json().detail).toBe('Cart not found');
  });

  it('adds to an existing line and prices it from the catalog, ignoring client prices', async () => {
    const guest = await newGuest();
    const first = await add(guest, lamp.id, 1, { priceCents: 1, unitPriceCents: 1, lineTotalCents: 1 });
    expect(first.statusCode).toBe(200);
    const res = await add(guest, lamp.id, 2, { priceCents: 1 });
    expect(res.statusCode).toBe(200);
    const cart = res.json();
    expect(cart.items).toEqual([
      expect.objectContaining({
        productId: lamp.id,
        name: 'Lamp',
        unitPriceCents: 2500,
        quantity: 3,
        lineTotalCents: 7500,
        available: true,
        stock: 5,
      }),
    ]);
    // 7 500¢ qualifies for free shipping; no destination yet, so no tax.
    expect(cart).toMatchObject({
      itemCount: 3,
      subtotalCents: 7500,
      taxCents: 0,
      shippingCents: 0,
      totalCents: 7500,
      estimate: { country: null, taxRateBasisPoints: null, shippingMethodId: 'free' },
    });
  });

  it.each([
    ['0', 0],
    ['100', 100],
    ['1.5', 1.5],
    ['the string "2"', '2'],
    ['-1', -1],
    ['missing', undefined],
    ['null', null],
  ])('refuses quantity %s with 400 and leaves the cart alone', async (_label, quantity) => {
    const guest = await newGuest();
    await add(guest, mug.id, 2);
    const res = await add(guest, mug.id, quantity);
    expectProblem(res, 400, 'validation_failed');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('quantity');
    expect(await quantities(guest)).toEqual({ [mug.id]: 2 });
  });

  it('answers an add with the cart as a later read shows it', async () => {
    const guest = await newGuest();
    await add(guest, mug.id, 2);
    await add(guest, lamp.id, 1);
    const again = await add(guest, mug.id, 3);
    expect(again.statusCode, again.body).toBe(200);
    expect(await quantities(guest)).toEqual({ [mug.id]: 5, [lamp.id]: 1 });
    expect(again.json()).toEqual((await call('GET', '/cart', guest)).json());
  });

  it('refuses a product id that is not a UUID with 400', async () => {
    const guest = await newGuest();
    expectProblem(await add(guest, 'lamp', 1), 400);
    expectProblem(await call('PATCH', '/cart/items/lamp', guest, { quantity: 1 }), 400);
  });

  it('refuses more than the stock with 409 insufficient_stock, changing nothing', async () => {
    const guest = await newGuest();
    expectProblem(await add(guest, lamp.id, 6), 409, 'insufficient_stock');
    expect(await quantities(guest)).toEqual({});
    expect((await add(guest, lamp.id, 4)).statusCode).toBe(200);
    expectProblem(await add(guest, lamp.id, 2), 409, 'insufficient_stock');
    expect(await quantities(guest)).toEqual({ [lamp.id]: 4 });
    expect((await add(guest, lamp.id, 1)).json().items[0].quantity).toBe(5);
    expectProblem(await add(guest, soldOut.id, 1), 409, 'insufficient_stock');
  });

  it('caps a line at 99 even when the stock is larger (422 quantity_limit)', async () => {
    const guest = await newGuest();
    expect((await add(guest, mug.id, 60)).statusCode).toBe(200);
    expectProblem(await add(guest, mug.id, 40), 422, 'quantity_limit');
    expect(await quantities(guest)).toEqual({ [mug.id]: 60 });
    expect((await add(guest, mug.id, 39)).json().items[0].quantity).toBe(99);
  });

  it('two concurrent adds cannot together pass the stock', async () => {
    const guest = await newGuest();
    const results = await Promise.all([add(guest, lamp.id, 3), add(guest, lamp.id, 3)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await quantities(guest)).toEqual({ [lamp.id]: 3 });
  });

  it('archived and unknown products cannot be added (404)', async () => {
    const guest = await newGuest();
    expectProblem(await add(guest, kettle.id, 1), 404, 'not_found');
    expectProblem(await add(guest, '00000000-0000-4000-8000-000000000000', 1), 404, 'not_found');
    expect(await quantities(guest)).toEqual({});
  });

  it('PATCH sets a quantity within stock, 0 removes the line', async () => {
    const guest = await newGuest();
    await add(guest, lamp.id, 1);
    await add(guest, mug.id, 1);
    const patched = await call('PATCH', `/cart/items/${lamp.id}`, guest, { quantity: 4, priceCents: 1 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().items.find((i: { productId: string }) => i.productId === lamp.id)).toMatchObject({
      quantity: 4,
      unitPriceCents: 2500,
    });
    expectProblem(
      await call('PATCH', `/cart/items/${lamp.id}`, guest, { quantity: 6 }),
      409,
      'insufficient_stock',
    );
    for (const quantity of [-1, 100, 2.5, '3']) {
      expectProblem(await call('PATCH', `/cart/items/${lamp.id}`, guest, { quantity }), 400);
    }
    expect(await quantities(guest)).toEqual({ [lamp.id]: 4, [mug.id]: 1 });
    const removed = await call('PATCH', `/cart/items/${lamp.id}`, guest, { quantity: 0 });
    expect(removed.json().items.map((i: { productId: string }) => i.productId)).toEqual([mug.id]);
    // A product not in the cart is a 404 for a quantity, a no-op for 0.
    expectProblem(await call('PATCH', `/cart/items/${lamp.id}`, guest, { quantity: 1 }), 404, 'not_found');
    expect((await call('PATCH', `/cart/items/${lamp.id}`, guest, { quantity: 0 })).statusCode).toBe(200);
  });

  it('DELETE removes a line with 204', async () => {
    const guest = await newGuest();
    await add(guest, lamp.id, 1);
    await add(guest, mug.id, 1);
    const res = await call('DELETE', `/cart/items/${lamp.id}`, guest);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await quantities(guest)).toEqual({ [mug.id]: 1 });
    expect((await call('DELETE', `/cart/items/${lamp.id}`, guest)).statusCode).toBe(204);
  });

  it('one guest’s token never opens or changes another guest’s cart', async () => {
    const alice = await newGuest();
    const bob = await newGuest();
    await add(alice, lamp.id, 2);
    await add(bob, mug.id, 1);
    await call('DELETE', `/cart/items/${lamp.id}`, bob);
    await call('PATCH', `/cart/items/${lamp.id}`, bob, { quantity: 0 });
    expect(await quantities(alice)).toEqual({ [lamp.id]: 2 });
    expect(await quantities(bob)).toEqual({ [mug.id]: 1 });
    // A token that differs in one character is just an unknown token, answered the same way.
    const token = alice['x-cart-token']!;
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const refused = await call('GET', '/cart', { 'x-cart-token': altered });
    expectProblem(refused, 404, 'cart_not_found');
    const unknown = await call('GET', '/cart', { 'x-cart-token': 'C'.repeat(43) });
    expect(refused.json()).toEqual({ ...unknown.json(), requestId: refused.json().requestId });
  });

  it('a guest cart expires after 30 days without use; every use restarts the 30 days', async () => {
    const guest = await newGuest();
    await add(guest, lamp.id, 1);
    now += GUEST_CART_IDLE_MS - 60_000;
    expect((await call('GET', '/cart', guest)).statusCode).toBe(200); // used: the window restarts
    now += GUEST_CART_IDLE_MS - 60_000;
    expect((await call('GET', '/cart', guest)).statusCode).toBe(200);
    now += GUEST_CART_IDLE_MS + 1;
    expectProblem(await call('GET', '/cart', guest), 404, 'cart_not_found');
    expectProblem(await add(guest, lamp.id, 1), 404, 'cart_not_found');
  });
});

describe('live prices, availability and the estimate', () => {
  it('shows the current price and marks lines the stock no longer covers', async () => {
    const desk = await createProduct(db, { categoryId, name: 'Desk', priceCents: 2000, stock: 3 });
    const guest = await newGuest();
    await add(guest, desk.id, 3);
    await add(guest, mug.id, 1);
    await db
      .update(schema.products)
      .set({ priceCents: 2100, stock: 2 })
      .where(eq(schema.products.id, desk.id));
    const cart = (await call('GET', '/cart', guest)).json();
    expect(cart.items.find((i: { productId: string }) => i.productId === desk.id)).toMatchObject({
      unitPriceCents: 2100,
      lineTotalCents: 6300,
      available: false,
      stock: 2,
    });
    // Only the available mug counts: 1 000¢ + standard shipping.
    expect(cart).toMatchObject({ subtotalCents: 1000, itemCount: 1, shippingCents: 599, totalCents: 1599 });
    await db.update(schema.products).set({ active: false, stock: 10 }).where(eq(schema.products.id, desk.id));
    const archived = (await call('GET', '/cart', guest)).json();
    expect(archived.items.find((i: { productId: string }) => i.productId === desk.id).available).toBe(false);
  });

  it('estimates tax for ?country=&region= once per order, half a cent rounding up', async () => {
    const cheap = await createProduct(db, { categoryId, priceCents: 100, stock: 50 });
    const guest = await newGuest();
    await add(guest, cheap.id, 2); // 200¢ at 7.25 % = 14.5¢ → 15¢
    const res = await call('GET', '/cart?country=us&region=California', guest);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      subtotalCents: 200,
      taxCents: 15,
      shippingCents: 599,
      totalCents: 814,
      estimate: { country: 'US', region: 'CA', taxRateBasisPoints: 725, shippingMethodId: 'standard' },
    });
    const gb = (await call('GET', '/cart?country=GB', guest)).json();
    expect(gb).toMatchObject({ taxCents: 40, totalCents: 839 });
    const added = await add(guest, cheap.id, 1);
    expect(added.json().taxCents).toBe(0);
    expect(
      (await call('POST', '/cart/items?country=DE', guest, { productId: cheap.id, quantity: 1 })).json(),
    ).toMatchObject({
      subtotalCents: 400,
      taxCents: 76,
    });
  });

  it('refuses an estimate for a country the shop does not ship to (422) or a malformed one (400)', async () => {
    const guest = await newGuest();
    expectProblem(await call('GET', '/cart?country=JP', guest), 422, 'unsupported_country');
    expectProblem(await call('GET', '/cart?country=USA', guest), 400);
  });
});

describe('signed-in carts', () => {
  it('follow the user across devices and ignore a guest token', async () => {
    const { user, password } = await createUser(db);
    const phone = await signIn(ctx.app, user.email, password);
    const laptop = await signIn(ctx.app, user.email, password);
    expect(phone.sessionId).not.toBe(laptop.sessionId);
    const guest = await newGuest();
    await add(guest, mug.id, 7);

    const added = await add({ ...phone.auth, ...guest }, lamp.id, 2);
    expect(added.statusCode).toBe(200);
    const onLaptop = await call('GET', '/cart', laptop.auth);
    expect(onLaptop.json().id).toBe(added.json().id);
    expect(await quantities(laptop.auth)).toEqual({ [lamp.id]: 2 });
    // The guest cart was neither used nor changed.
    expect(await quantities(guest)).toEqual({ [mug.id]: 7 });
    // POST /cart creates nothing for a signed-in user: it names their cart.
    const created = await call('POST', '/cart', phone.auth);
    expect(created.statusCode).toBe(200);
    expect(created.json()).toEqual({ cartId: added.json().id });
  });

  it('estimate tax from the default saved address', async () => {
    const { user, password } = await createUser(db);
    const session = await signIn(ctx.app, user.email, password);
    await db.insert(schema.addresses).values({
      userId: user.id,
      name: 'Test',
      line1: '1 King St',
      city: 'Toronto',
      region: 'ON',
      postalCode: 'M5H 1A1',
      country: 'CA',
      isDefault: true,
    });
    const cart = (await add(session.auth, mug.id, 1)).json();
    expect(cart).toMatchObject({
      taxCents: 130,
      estimate: { country: 'CA', region: 'ON', taxRateBasisPoints: 1300 },
    });
  });

  it('another user’s cart is separate', async () => {
    const a = await createUser(db);
    const b = await createUser(db);
    const aSession = await signIn(ctx.app, a.user.email, a.password);
    const bSession = await signIn(ctx.app, b.user.email, b.password);
    await add(aSession.auth, lamp.id, 1);
    expect(await quantities(bSession.auth)).toEqual({});
  });
});

describe('mergeGuestCart (on login)', () => {
  it('POST /auth/login with X-Cart-Token carries the guest cart into the user cart', async () => {
    const { user, password } = await createUser(db);
    const guest = await newGuest();
    await add(guest, mug.id, 2);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: nextIp(),
      headers: guest,
      payload: { email: user.email, password },
    });
    expect(res.statusCode).toBe(200);
    const auth = { authorization: `Bearer ${res.json().accessToken}` };
    expect(await quantities(auth)).toEqual({ [mug.id]: 2 });
    expectProblem(await call('GET', '/cart', guest), 404);
  });

  it('adds quantities, caps them at stock and 99, drops archived lines and deletes the guest cart', async () => {
    const { user, password } = await createUser(db);
    const session = await signIn(ctx.app, user.email, password);
    const stool = await createProduct(db, { categoryId, priceCents: 4000, stock: 10 });
    await add(session.auth, lamp.id, 3);
    await add(session.auth, mug.id, 50);
    const guest = await newGuest();
    await add(guest, lamp.id, 4); // 3 + 4 > stock 5 → 5
    await add(guest, mug.id, 60); // 50 + 60 > 99 → 99
    await add(guest, stool.id, 2); // new line
    const retired = await createProduct(db, { categoryId, priceCents: 100, stock: 5 });
    await add(guest, retired.id, 1);
    await db.update(schema.products).set({ active: false }).where(eq(schema.products.id, retired.id));

    const result = await mergeGuestCart(db, {
      userId: user.id,
      cartToken: guest['x-cart-token'],
      now: new Date(now),
    });
    expect(result).toEqual({ merged: true, lines: 3 });
    expect(await quantities(session.auth)).toEqual({ [lamp.id]: 5, [mug.id]: 99, [stool.id]: 2 });
    expectProblem(await call('GET', '/cart', guest), 404);
    // A second merge with the same (now deleted) token changes nothing.
    expect(
      await mergeGuestCart(db, { userId: user.id, cartToken: guest['x-cart-token'], now: new Date(now) }),
    ).toEqual({
      merged: false,
      lines: 0,
    });
  });

  it('gives a user without a cart the guest’s lines, and ignores unknown or expired tokens', async () => {
    const { user, password } = await createUser(db);
    const guest = await newGuest();
    await add(guest, lamp.id, 2);
    expect(await mergeGuestCart(db, { userId: user.id, cartToken: 'nope', now: new Date(now) })).toEqual({
      merged: false,
      lines: 0,
    });
    expect(await mergeGuestCart(db, { userId: user.id, cartToken: undefined })).toEqual({
      merged: false,
      lines: 0,
    });
    const expiredAt = new Date(now + GUEST_CART_IDLE_MS + 1);
    expect(
      await mergeGuestCart(db, { userId: user.id, cartToken: guest['x-cart-token'], now: expiredAt }),
    ).toMatchObject({
      merged: false,
    });
    await mergeGuestCart(db, { userId: user.id, cartToken: guest['x-cart-token'], now: new Date(now) });
    const session = await signIn(ctx.app, user.email, password);
    expect(await quantities(session.auth)).toEqual({ [lamp.id]: 2 });
  });
});

describe('REQUIRE_LOGIN', () => {
  it('turns guest carts off: 401 before anything else', async () => {
    for (const [method, url, payload] of [
      ['POST', '/api/v1/cart', undefined],
      ['GET', '/api/v1/cart', undefined],
      ['POST', '/api/v1/cart/items', { productId: 'x', quantity: 0 }],
    ] as const) {
      const res = await membersOnly.app.inject({ method, url, payload, headers: { 'x-cart-token': 'abc' } });
      expectProblem(res, 401);
    }
  });
});

describe('OpenAPI', () => {
  it('documents every cart route with its operationId and the rounding rule', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/cart'].post.operationId).toBe('createCart');
    expect(doc.paths['/api/v1/cart'].get.operationId).toBe('getCart');
    expect(doc.paths['/api/v1/cart'].get.description).toContain('round-half-up');
    expect(doc.paths['/api/v1/cart/items'].post.operationId).toBe('addCartItem');
    expect(doc.paths['/api/v1/cart/items/{productId}'].patch.operationId).toBe('updateCartItem');
    expect(doc.paths['/api/v1/cart/items/{productId}'].delete.operationId).toBe('removeCartItem');
    const headers = doc.paths['/api/v1/cart'].get.parameters.filter((p: { in: string }) => p.in === 'header');
    expect(headers.map((p: { name: string }) => p.name)).toContain('x-cart-token');
    expect(Object.keys(doc.paths['/api/v1/cart/items'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '404', '409', '422']),
    );
    for (const operation of [doc.paths['/api/v1/cart'].get, doc.paths['/api/v1/cart/items'].post]) {
      expect(operation.description).toContain('`cart_not_found`');
    }
    expect(doc.paths['/api/v1/cart/items'].post.description).toContain('404 `not_found`');
  });
});
