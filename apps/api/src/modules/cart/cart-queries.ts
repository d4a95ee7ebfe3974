import { MAX_LINE_QUANTITY } from '@securecart/contract';
import type { Executor } from '@securecart/db';
import { schema } from '@securecart/db';
import { and, asc, eq, gte, type SQL, sql } from 'drizzle-orm';

const { carts, cartItems, products, addresses } = schema;

export interface CartRef {
  id: string;
  currency: string;
}

export interface CartLineRow {
  productId: string;
  quantity: number;
  name: string;
  slug: string;
  imageUrl: string | null;
  priceCents: number;
  stock: number;
  active: boolean;
}

const cartRef = { id: carts.id, currency: carts.currency };

/**
 * `lines` (rows of product_id, quantity, created_at) as one JSON array of `CartLineRow`, in
 * `listLines` order: for statements that answer a cart's lines along with their own work.
 */
export const cartLinesJson = (lines: SQL) =>
  sql<CartLineRow[]>`(
    select coalesce(json_agg(json_build_object('productId', p.id, 'quantity', l.quantity, 'name', p.name,
      'slug', p.slug, 'imageUrl', p.image_url, 'priceCents', p.price_cents, 'stock', p.stock,
      'active', p.active) order by l.created_at, l.product_id), '[]')
    from ${lines} l join ${products} p on p.id = l.product_id
  )`;

/** Every cart statement in one place; pass a transaction to run them inside it. */
export function cartQueries(db: Executor) {
  return {
    async insertGuestCart(tokenHash: string, now: Date): Promise<CartRef> {
      const [row] = await db.insert(carts).values({ tokenHash, lastActiveAt: now }).returning(cartRef);
      return row!;
    },

    /** Finds a live guest cart and records the use in one statement; an idle one is not found. */
    async touchGuestCart(tokenHash: string, now: Date, idleSince: Date): Promise<CartRef | undefined> {
      const [row] = await db
        .update(carts)
        .set({ lastActiveAt: now })
        .where(and(eq(carts.tokenHash, tokenHash), gte(carts.lastActiveAt, idleSince)))
        .returning(cartRef);
      return row;
    },

    /** The user's one cart, created on first use; concurrent first uses still yield one cart. */
    async upsertUserCart(userId: string, now: Date): Promise<CartRef> {
      const [row] = await db
        .insert(carts)
        .values({ userId, lastActiveAt: now })
        .onConflictDoUpdate({ target: carts.userId, set: { lastActiveAt: now } })
        .returning(cartRef);
      return row!;
    },

    /** A live guest cart, row-locked so a concurrent merge or write waits for us. */
    async lockGuestCart(tokenHash: string, idleSince: Date): Promise<CartRef | undefined> {
      const [row] = await db
        .select(cartRef)
        .from(carts)
        .where(and(eq(carts.tokenHash, tokenHash), gte(carts.lastActiveAt, idleSince)))
        .for('update');
      return row;
    },

    async deleteCart(cartId: string): Promise<void> {
      await db.delete(carts).where(eq(carts.id, cartId));
    },

    async listLines(cartId: string): Promise<CartLineRow[]> {
      return db
        .select({
          productId: cartItems.productId,
          quantity: cartItems.quantity,
          name: products.name,
          slug: products.slug,
          imageUrl: products.imageUrl,
          priceCents: products.priceCents,
          stock: products.stock,
          active: products.active,
        })
        .from(cartItems)
        .innerJoin(products, eq(products.id, cartItems.productId))
        .where(eq(cartItems.cartId, cartId))
        .orderBy(asc(cartItems.createdAt), asc(cartItems.productId));
    },

    async findProduct(productId: string): Promise<{ stock: number; active: boolean } | undefined> {
      const [row] = await db
        .select({ stock: products.stock, active: products.active })
        .from(products)
        .where(eq(products.id, productId));
      return row;
    },

    /**
     * Adds to a line of the owner's cart (creating it) in ONE statement, atomic without a
     * transaction: records the cart's use as resolveCart does, then writes the line only while the
     * product is sold and the new quantity stays within its stock and `maxQuantity`; the guard runs
     * under the line's row lock, so concurrent adds cannot overshoot. Also answers the cart's lines
     * as `listLines` would read them after the write, so the cart view needs no second round trip.
     * Undefined: no such live cart; `quantity` null: refused.
     */
    async addToOwnersLine(
      owner: { userId: string } | { tokenHash: string; idleSince: Date },
      productId: string,
      quantity: number,
      maxQuantity: number,
      now: Date,
    ): Promise<(CartRef & { quantity: number | null; lines: CartLineRow[] }) | undefined> {
      const cart =
        'userId' in owner
          ? sql`insert into ${carts} (user_id, last_active_at) values (${owner.userId}, ${now})
                on conflict (user_id) do update set last_active_at = excluded.last_active_at
                returning id, currency`
          : sql`update ${carts} set last_active_at = ${now}
                where token_hash = ${owner.tokenHash} and last_active_at >= ${owner.idleSince}
                returning id, currency`;
      const result = await db.execute(sql`
        with cart as (${cart}), line as (
          insert into ${cartItems} (cart_id, product_id, quantity, created_at, updated_at)
          select cart.id, p.id, ${quantity}::integer, ${now}::timestamptz, ${now}::timestamptz
          from cart join ${products} p on p.id = ${productId}::uuid
          where p.active and p.stock >= ${quantity}::integer
          on conflict (cart_id, product_id) do update
            set quantity = ${cartItems.quantity} + excluded.quantity, updated_at = excluded.updated_at
            where ${cartItems.quantity} + excluded.quantity
              <= least((select stock from ${products} where id = excluded.product_id), ${maxQuantity}::integer)
          returning product_id, quantity, created_at
        ), lines as (
          -- The statement's snapshot does not see its own upsert: the written line replaces the old one.
          select i.product_id, i.quantity, i.created_at from ${cartItems} i, cart
          where i.cart_id = cart.id and i.product_id <> ${productId}::uuid
          union all
          select product_id, quantity, created_at from line
        )
        select cart.id, cart.currency, (select quantity from line) as quantity, ${cartLinesJson(sql`lines`)} as lines
        from cart`);
      return (result as unknown as { rows: (CartRef & { quantity: number | null; lines: CartLineRow[] })[] })
        .rows[0];
    },

    async setLineQuantity(cartId: string, productId: string, quantity: number, now: Date): Promise<boolean> {
      const rows = await db
        .update(cartItems)
        .set({ quantity, updatedAt: now })
        .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)))
        .returning({ quantity: cartItems.quantity });
      return rows.length > 0;
    },

    async deleteLine(cartId: string, productId: string): Promise<void> {
      await db.delete(cartItems).where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)));
    },

    /**
     * Moves a guest cart's lines into another cart: quantities added, capped at the product's
     * stock and at 99; archived and sold-out products are left behind.
     */
    async mergeLines(fromCartId: string, intoCartId: string, now: Date): Promise<number> {
      const moved = await db
        .insert(cartItems)
        .select(
          db
            .select({
              cartId: sql<string>`${intoCartId}::uuid`.as('cart_id'),
              productId: cartItems.productId,
              quantity: sql<number>`least(${cartItems.quantity}, ${products.stock}, ${MAX_LINE_QUANTITY})`.as(
                'quantity',
              ),
              createdAt: sql<Date>`${now.toISOString()}::timestamptz`.as('created_at'),
              updatedAt: sql<Date>`${now.toISOString()}::timestamptz`.as('updated_at'),
            })
            .from(cartItems)
            .innerJoin(products, eq(products.id, cartItems.productId))
            .where(
              and(eq(cartItems.cartId, fromCartId), sql`${products.active}`, sql`${products.stock} > 0`),
            ),
        )
        .onConflictDoUpdate({
          target: [cartItems.cartId, cartItems.productId],
          set: {
            quantity: sql`least(${cartItems.quantity} + excluded.quantity, (select ${products.stock} from ${products} where ${products.id} = excluded.product_id), ${MAX_LINE_QUANTITY})`,
            updatedAt: now,
          },
        })
        .returning({ productId: cartItems.productId });
      return moved.length;
    },

    /** GDPR export: the user's cart lines (product, name, quantity, when added). */
    async userCartLines(userId: string) {
      return db
        .select({
          productId: cartItems.productId,
          name: products.name,
          quantity: cartItems.quantity,
          addedAt: cartItems.createdAt,
        })
        .from(carts)
        .innerJoin(cartItems, eq(cartItems.cartId, carts.id))
        .innerJoin(products, eq(products.id, cartItems.productId))
        .where(eq(carts.userId, userId))
        .orderBy(asc(cartItems.createdAt), asc(cartItems.productId));
    },

    /** GDPR erasure: the cart and its lines go. */
    async deleteUserCart(userId: string): Promise<void> {
      await db.delete(carts).where(eq(carts.userId, userId));
    },

    /** The signed-in user's default address, for the cart's tax estimate. */
    async defaultDestination(userId: string): Promise<{ country: string; region: string } | undefined> {
      const [row] = await db
        .select({ country: addresses.country, region: addresses.region })
        .from(addresses)
        .where(and(eq(addresses.userId, userId), sql`${addresses.isDefault}`))
        .limit(1);
      return row;
    },
  };
}
export type CartQueries = ReturnType<typeof cartQueries>;
