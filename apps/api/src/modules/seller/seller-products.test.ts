import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, who?: SignedIn, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: who?.auth ?? {}, payload });

let alice: SignedIn;
let aliceId: string;
let bobId: string;
let categoryId: string;
let bobsProduct: { id: string; slug: string };

beforeAll(async () => {
  categoryId = (await createCategory(db, { slug: 'crafts' })).id;
  const a = await createUser(db, { role: 'seller' });
  const b = await createUser(db, { role: 'seller' });
  aliceId = a.user.id;
  bobId = b.user.id;
  alice = await signIn(ctx.app, a.user.email, a.password);
  bobsProduct = await createProduct(db, { categoryId, sellerId: bobId, stock: 5, name: 'Bob Bowl' });
  await createProduct(db, { categoryId, sellerId: null, name: 'Shop Cup' });
});

describe('seller products', () => {
  it('creates products owned by the seller (a sellerId in the body is ignored) and lists only their own', async () => {
    const res = await call('POST', '/seller/products', alice, {
      name: 'Alice Vase',
      description: 'Hand made.',
      priceCents: 3000,
      stock: 2,
      category: 'crafts',
      sellerId: bobId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sellerId: aliceId, slug: 'alice-vase', active: true });
    expect((await call('GET', '/products/alice-vase')).statusCode).toBe(200);

    const list = await call('GET', '/seller/products', alice);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.json().items.map((p: { name: string }) => p.name)).toEqual(['Alice Vase']);
    // Even when asking for another seller's id in the query.
    expect((await call('GET', `/seller/products?sellerId=${bobId}`, alice)).json().total).toBe(1);
  });

  it('edits, adjusts and archives its own products', async () => {
    const own = await createProduct(db, { categoryId, sellerId: aliceId, stock: 1, slug: 'alice-mug' });
    const edited = await call('PATCH', `/seller/products/${own.id}`, alice, {
      priceCents: 1500,
      sellerId: bobId,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ priceCents: 1500, sellerId: aliceId });
    const stocked = await call('POST', `/seller/products/${own.id}/stock`, alice, {
      delta: 4,
      reason: 'kiln batch',
    });
    expect(stocked.json().stock).toBe(5);
    expect(
      (await call('POST', `/seller/products/${own.id}/stock`, alice, { delta: -6, reason: 'x' })).statusCode,
    ).toBe(409);
    expect((await call('DELETE', `/seller/products/${own.id}`, alice)).statusCode).toBe(204);
    expect((await call('GET', '/products/alice-mug')).statusCode).toBe(404);
    expect((await call('GET', `/seller/products/${own.id}`, alice)).json().active).toBe(false);
  });

  it('answers 404 for another seller’s product and changes nothing', async () => {
    const id = bobsProduct.id;
    const attempts = [
      await call('GET', `/seller/products/${id}`, alice),
      await call('PATCH', `/seller/products/${id}`, alice, { priceCents: 1 }),
      await call('DELETE', `/seller/products/${id}`, alice),
      await call('POST', `/seller/products/${id}/stock`, alice, { delta: -5, reason: 'sabotage' }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    const [row] = await db.select().from(schema.products).where(eq(schema.products.id, id));
    expect(row).toMatchObject({ priceCents: 1999, stock: 5, active: true, sellerId: bobId });
    const adjustments = await db
      .select()
      .from(schema.stockAdjustments)
      .where(eq(schema.stockAdjustments.productId, id));
    expect(adjustments).toHaveLength(0);
  });
});
