import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';

let now = Date.UTC(2026, 2, 1, 12);
const ctx = await useTestApp({}, { clock: () => new Date(now) });
const db = ctx.database.handle.db;

type Headers = Record<string, string>;
const call = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Headers = {}, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers, payload });

let alice: SignedIn;
let aliceId: string;
let bob: SignedIn;
let lamp: { id: string };
let mug: { id: string };
let chair: { id: string };

beforeAll(async () => {
  const category = await createCategory(db, { slug: 'home', name: 'Home' });
  lamp = await createProduct(db, { categoryId: category.id, slug: 'lamp', name: 'Lamp', priceCents: 2500 });
  mug = await createProduct(db, { categoryId: category.id, slug: 'mug', name: 'Mug', priceCents: 900 });
  chair = await createProduct(db, { categoryId: category.id, slug: 'chair', name: 'Chair' });
  const a = await createUser(db);
  const b = await createUser(db);
  aliceId = a.user.id;
  alice = await signIn(ctx.app, a.user.email, a.password);
  bob = await signIn(ctx.app, b.user.email, b.password);
});

const slugs = async (who: SignedIn, query = '') => {
  const res = await call('GET', `/me/wishlist${query}`, who.auth);
  expect(res.statusCode).toBe(200);
  return res.json().items.map((p: { slug: string }) => p.slug);
};

describe('wishlist', () => {
  it('is for signed-in users only (401)', async () => {
    expect((await call('GET', '/me/wishlist')).statusCode).toBe(401);
    expect((await call('POST', '/me/wishlist', {}, { productId: lamp.id })).statusCode).toBe(401);
    expect((await call('DELETE', `/me/wishlist/${lamp.id}`)).statusCode).toBe(401);
    expect((await call('GET', `/me/wishlist/${lamp.id}`)).statusCode).toBe(401);
    expect((await call('GET', '/me/wishlist', { authorization: 'Bearer not.a.token' })).statusCode).toBe(401);
  });

  it('adds with 201 and the product, lists newest first as catalog products, removes with 204', async () => {
    const added = await call('POST', '/me/wishlist', alice.auth, { productId: lamp.id });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ id: lamp.id, slug: 'lamp', priceCents: 2500, category: 'home' });
    now += 1000;
    expect((await call('POST', '/me/wishlist', alice.auth, { productId: mug.id })).statusCode).toBe(201);

    const page = (await call('GET', '/me/wishlist', alice.auth)).json();
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(page.items.map((p: { slug: string }) => p.slug)).toEqual(['mug', 'lamp']);
    expect(page.items[1]).toMatchObject({
      id: lamp.id,
      name: 'Lamp',
      currency: 'USD',
      inStock: true,
      categoryName: 'Home',
      rating: null,
      reviewCount: 0,
    });

    const removed = await call('DELETE', `/me/wishlist/${lamp.id}`, alice.auth);
    expect(removed.statusCode).toBe(204);
    expect(await slugs(alice)).toEqual(['mug']);
    // Removing what is not there is still 204.
    expect((await call('DELETE', `/me/wishlist/${lamp.id}`, alice.auth)).statusCode).toBe(204);
  });

  it('adding twice keeps one entry and answers 200 the second time', async () => {
    expect((await call('POST', '/me/wishlist', bob.auth, { productId: chair.id })).statusCode).toBe(201);
    const again = await call('POST', '/me/wishlist', bob.auth, { productId: chair.id });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(chair.id);
    expect(await slugs(bob)).toEqual(['chair']);
  });

  it('keeps each user’s list separate', async () => {
    expect(await slugs(alice)).not.toContain('chair');
    expect(await slugs(bob)).not.toContain('mug');
    // Bob removing Alice's item touches only his own list.
    await call('DELETE', `/me/wishlist/${mug.id}`, bob.auth);
    expect(await slugs(alice)).toContain('mug');
  });

  it('refuses unknown and archived products (404) and bad ids (400)', async () => {
    const retired = await createProduct(db, { categoryId: (await createCategory(db)).id, active: false });
    expect((await call('POST', '/me/wishlist', alice.auth, { productId: retired.id })).statusCode).toBe(404);
    expect(
      (await call('POST', '/me/wishlist', alice.auth, { productId: '00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(404);
    expect((await call('POST', '/me/wishlist', alice.auth, { productId: 'lamp' })).statusCode).toBe(400);
    expect((await call('POST', '/me/wishlist', alice.auth, {})).statusCode).toBe(400);
    expect((await call('DELETE', '/me/wishlist/lamp', alice.auth)).statusCode).toBe(400);
  });

  it('hides a product once archived, and pages with the usual bounds', async () => {
    const category = await createCategory(db);
    const vase = await createProduct(db, { categoryId: category.id, slug: 'vase' });
    await call('POST', '/me/wishlist', bob.auth, { productId: vase.id });
    expect(await slugs(bob)).toContain('vase');
    await db.update(schema.products).set({ active: false }).where(eq(schema.products.id, vase.id));
    const page = (await call('GET', '/me/wishlist', bob.auth)).json();
    expect(page.items.map((p: { slug: string }) => p.slug)).not.toContain('vase');
    expect(page.total).toBe(page.items.length);
    expect((await call('GET', '/me/wishlist?pageSize=101', bob.auth)).statusCode).toBe(400);
    expect((await call('GET', '/me/wishlist?page=0', bob.auth)).statusCode).toBe(400);
    const first = (await call('GET', '/me/wishlist?pageSize=1', alice.auth)).json();
    expect(first).toMatchObject({ pageSize: 1, total: 1 });
  });
});

describe('GET /me/wishlist/:productId', () => {
  const statusOf = async (who: SignedIn, productId: string) => {
    const res = await call('GET', `/me/wishlist/${productId}`, who.auth);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('answers 200 with saved true while the product is on the list, false otherwise and once removed', async () => {
    const { user, password } = await createUser(db);
    const carol = await signIn(ctx.app, user.email, password);
    expect((await call('POST', '/me/wishlist', carol.auth, { productId: lamp.id })).statusCode).toBe(201);
    const saved = await call('GET', `/me/wishlist/${lamp.id}`, carol.auth);
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['content-type']).toContain('application/json');
    expect(saved.headers['cache-control']).toBe('no-store');
    expect(saved.json()).toEqual({ productId: lamp.id, saved: true });

    expect(await statusOf(carol, mug.id)).toEqual({ productId: mug.id, saved: false });

    await call('DELETE', `/me/wishlist/${lamp.id}`, carol.auth);
    expect(await statusOf(carol, lamp.id)).toEqual({ productId: lamp.id, saved: false });
  });

  it('never shows another user’s entry: the same answer as a product nobody saved', async () => {
    const { user, password } = await createUser(db);
    const dave = await signIn(ctx.app, user.email, password);
    const ordinary = await createProduct(db, { categoryId: (await createCategory(db)).id });
    expect((await call('POST', '/me/wishlist', alice.auth, { productId: chair.id })).statusCode).toBe(201);
    expect(await statusOf(alice, chair.id)).toEqual({ productId: chair.id, saved: true });

    const foreign = await call('GET', `/me/wishlist/${chair.id}`, dave.auth);
    const nobodys = await call('GET', `/me/wishlist/${ordinary.id}`, dave.auth);
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json()).toEqual({ productId: chair.id, saved: false });
    // Apart from the id asked about, the two answers are the same, headers included.
    expect({ ...nobodys.json(), productId: chair.id }).toEqual(foreign.json());
    expect(foreign.headers['content-length']).toBe(nobodys.headers['content-length']);
    // Nothing in the request can name another user's list.
    const smuggled = await call('GET', `/me/wishlist/${chair.id}?userId=${aliceId}`, dave.auth);
    expect(smuggled.statusCode).toBe(200);
    expect(smuggled.json()).toEqual({ productId: chair.id, saved: false });
  });

  it('answers false for archived (as the list does) and unknown products, 400 for bad ids', async () => {
    const vase = await createProduct(db, { categoryId: (await createCategory(db)).id });
    await call('POST', '/me/wishlist', bob.auth, { productId: vase.id });
    expect(await statusOf(bob, vase.id)).toEqual({ productId: vase.id, saved: true });
    await db.update(schema.products).set({ active: false }).where(eq(schema.products.id, vase.id));
    expect(await statusOf(bob, vase.id)).toEqual({ productId: vase.id, saved: false });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await statusOf(bob, unknown)).toEqual({ productId: unknown, saved: false });
    const bad = await call('GET', '/me/wishlist/lamp', bob.auth);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('is for signed-in users only (401)', async () => {
    expect((await call('GET', `/me/wishlist/${lamp.id}`)).statusCode).toBe(401);
    expect(
      (await call('GET', `/me/wishlist/${lamp.id}`, { authorization: 'Bearer not.a.token' })).statusCode,
    ).toBe(401);
  });

  it('is documented in OpenAPI as a WishlistStatus, with no 404', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operation = doc.paths['/api/v1/me/wishlist/{productId}'].get;
    expect(operation.operationId).toBe('getWishlistStatus');
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401']);
    expect(operation.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/WishlistStatus',
    });
    expect(doc.components.schemas.WishlistStatus).toMatchObject({
      type: 'object',
      properties: { productId: { type: 'string', format: 'uuid' }, saved: { type: 'boolean' } },
      required: expect.arrayContaining(['productId', 'saved']),
    });
  });
});

describe('personal data', () => {
  it('exports the wishlist and the cart with the account, and erases both with it', async () => {
    const { user, password } = await createUser(db);
    const session = await signIn(ctx.app, user.email, password);
    await call('POST', '/me/wishlist', session.auth, { productId: lamp.id });
    await call('POST', '/cart/items', session.auth, { productId: mug.id, quantity: 2 });

    const exported = await call('GET', '/me/export', session.auth);
    expect(exported.statusCode).toBe(200);
    expect(exported.json()).toMatchObject({
      wishlist: [{ productId: lamp.id, name: 'Lamp', addedAt: expect.any(String) }],
      cart: [{ productId: mug.id, name: 'Mug', quantity: 2, addedAt: expect.any(String) }],
    });

    const erased = await ctx.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: session.auth,
      payload: { password },
    });
    expect(erased.statusCode).toBe(204);
    expect(
      await db.select().from(schema.wishlistItems).where(eq(schema.wishlistItems.userId, user.id)),
    ).toEqual([]);
    expect(await db.select().from(schema.carts).where(eq(schema.carts.userId, user.id))).toEqual([]);
    // Other users keep theirs.
    expect(await slugs(alice)).toContain('mug');
  });
});
