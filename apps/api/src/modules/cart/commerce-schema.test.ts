import { randomBytes } from 'node:crypto';
import { schema } from '@securecart/db';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';

// The database itself refuses impossible commerce rows, whatever a service might get wrong.
const ctx = await useTestApp();
const db = ctx.database.handle.db;

let userId: string;
let productId: string;

/** The PostgreSQL error (drizzle wraps it in `cause`) of a statement that must fail. */
async function failure(work: Promise<unknown>): Promise<{ code?: string; constraint?: string }> {
  try {
    await work;
  } catch (error) {
    const pgError = ((error as { cause?: unknown }).cause ?? error) as { code?: string; constraint?: string };
    return pgError;
  }
  throw new Error('statement succeeded but should have been refused');
}

beforeAll(async () => {
  const [user] = await db
    .insert(schema.users)
    .values({ email: `schema-${randomBytes(4).toString('hex')}@example.test`, name: 'Schema' })
    .returning();
  userId = user!.id;
  const category = await createCategory(db);
  productId = (await createProduct(db, { categoryId: category.id, priceCents: 1000 })).id;
});

describe('carts', () => {
  it('need exactly one owner: a user or a guest token', async () => {
    expect(await failure(db.insert(schema.carts).values({}))).toMatchObject({
      constraint: 'carts_exactly_one_owner',
    });
    expect(await failure(db.insert(schema.carts).values({ userId, tokenHash: 'both-owners' }))).toMatchObject(
      { constraint: 'carts_exactly_one_owner' },
    );
    await db.insert(schema.carts).values({ userId });
    // One cart per user.
    expect(await failure(db.insert(schema.carts).values({ userId }))).toMatchObject({ code: '23505' });
  });

  it.each([0, 100, -1])('refuse a line quantity of %i', async (quantity) => {
    const [cart] = await db
      .insert(schema.carts)
      .values({ tokenHash: randomBytes(8).toString('hex') })
      .returning();
    expect(
      await failure(db.insert(schema.cartItems).values({ cartId: cart!.id, productId, quantity })),
    ).toMatchObject({ constraint: 'cart_items_quantity_range' });
  });
});

describe('orders', () => {
  const order = (fields: Partial<typeof schema.orders.$inferInsert> = {}) => ({
    number: `SC-${randomBytes(4).toString('hex').toUpperCase()}`,
    userId,
    subtotalCents: 1000,
    taxCents: 73,
    shippingCents: 599,
    totalCents: 1672,
    shippingAddress: {
      name: 'A',
      line1: '1 Main St',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    billingAddress: {
      name: 'A',
      line1: '1 Main St',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    shippingMethodId: 'standard',
    shippingMethodName: 'Standard',
    paymentProvider: 'simulated',
    ...fields,
  });

  it('keep the total equal to its parts and refunds within it', async () => {
    expect(await failure(db.insert(schema.orders).values(order({ totalCents: 1671 })))).toMatchObject({
      constraint: 'orders_totals_consistent',
    });
    const [placed] = await db.insert(schema.orders).values(order()).returning();
    expect(
      await failure(
        db.update(schema.orders).set({ refundedCents: 1673 }).where(sql`${schema.orders.id} = ${placed!.id}`),
      ),
    ).toMatchObject({ constraint: 'orders_refund_bounds' });
    expect(
      await failure(db.insert(schema.refunds).values({ orderId: placed!.id, amountCents: 0, reason: 'x' })),
    ).toMatchObject({ constraint: 'refunds_amount_positive' });
  });

  it('need a buyer, a unique number and at most one order per checkout draft', async () => {
    expect(
      await failure(db.insert(schema.orders).values(order({ userId: null, guestEmail: null }))),
    ).toMatchObject({ constraint: 'orders_buyer' });
    const [draft] = await db.insert(schema.checkouts).values({ userId }).returning();
    const first = order({ checkoutId: draft!.id });
    await db.insert(schema.orders).values(first);
    expect(await failure(db.insert(schema.orders).values(order({ checkoutId: draft!.id })))).toMatchObject({
      code: '23505',
    });
    expect(await failure(db.insert(schema.orders).values(order({ number: first.number })))).toMatchObject({
      code: '23505',
    });
  });

  it('snapshot lines whose total is price times quantity', async () => {
    const [placed] = await db.insert(schema.orders).values(order()).returning();
    expect(
      await failure(
        db.insert(schema.orderItems).values({
          orderId: placed!.id,
          productId,
          name: 'X',
          unitPriceCents: 1000,
          quantity: 2,
          lineTotalCents: 1999,
        }),
      ),
    ).toMatchObject({ constraint: 'order_items_line_total' });
  });
});

describe('reviews, webhooks, idempotency', () => {
  it('allow one review per user and product, rated 1–5', async () => {
    expect(
      await failure(db.insert(schema.reviews).values({ productId, userId, rating: 6, body: 'too good' })),
    ).toMatchObject({ constraint: 'reviews_rating_range' });
    await db.insert(schema.reviews).values({ productId, userId, rating: 5, body: 'good' });
    expect(
      await failure(db.insert(schema.reviews).values({ productId, userId, rating: 4, body: 'again' })),
    ).toMatchObject({ constraint: 'reviews_one_per_user_key' });
  });

  it('remember a webhook event id and an idempotency key once', async () => {
    await db.insert(schema.paymentEvents).values({ eventId: 'evt_1', type: 'payment_intent.succeeded' });
    expect(
      await failure(db.insert(schema.paymentEvents).values({ eventId: 'evt_1', type: 'x' })),
    ).toMatchObject({ code: '23505' });
    await db.insert(schema.idempotencyKeys).values({ scope: 's', key: 'k', requestHash: 'h' });
    expect(
      await failure(db.insert(schema.idempotencyKeys).values({ scope: 's', key: 'k', requestHash: 'h2' })),
    ).toMatchObject({ code: '23505' });
  });
});
