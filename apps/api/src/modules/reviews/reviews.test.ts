import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';
import { checkoutFlow } from '../../../test/checkout-flow.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;
const { call, addItems, start, toReview, complete } = checkoutFlow(ctx.app);

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
  const categoryId = (await createCategory(db)).id;
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
