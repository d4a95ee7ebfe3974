import type { Executor } from '@securecart/db';
import { schema } from '@securecart/db';
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { type CartLineRow, cartLinesJson } from '../cart/cart-queries.ts';

const { checkouts, addresses, users, carts, cartItems } = schema;

export type CheckoutRow = typeof checkouts.$inferSelect;

/** Whose drafts a request may see: the user's own, or (guests) the drafts of the token's cart. */
export type DraftOwner = { userId: string } | { cartId: string };

const ownedBy = (owner: DraftOwner) =>
  'userId' in owner
    ? eq(checkouts.userId, owner.userId)
    : and(eq(checkouts.cartId, owner.cartId), isNull(checkouts.userId));

export function checkoutQueries(db: Executor) {
  return {
    async findOwned(id: string, owner: DraftOwner, lock = false): Promise<CheckoutRow | undefined> {
      const query = db
        .select()
        .from(checkouts)
        .where(and(eq(checkouts.id, id), ownedBy(owner)));
      const [row] = lock ? await query.for('update') : await query;
      return row;
    },

    /**
     * The draft to place, row-locked, with its cart's live lines in the same round trip. `owner`:
     * a signed-in user, a guest's cart token (its cart must be live, as `resolveCart` requires; the
     * placement records the use), or null for the Stripe webhook, which has no owner.
     */
    async lockForPlacing(
      id: string,
      owner: { userId: string } | { tokenHash: string; idleSince: Date } | null,
    ): Promise<{ draft: CheckoutRow; liveLines: CartLineRow[] } | undefined> {
      const ownedByRequester = !owner
        ? undefined
        : 'userId' in owner
          ? eq(checkouts.userId, owner.userId)
          : and(
              isNull(checkouts.userId),
              sql`exists (select from ${carts} where ${carts.id} = ${checkouts.cartId}
                and ${carts.tokenHash} = ${owner.tokenHash} and ${carts.lastActiveAt} >= ${owner.idleSince})`,
            );
      const [row] = await db
        .select({
          draft: checkouts,
          liveLines: cartLinesJson(
            sql`(select product_id, quantity, created_at from ${cartItems} where cart_id = ${checkouts.cartId})`,
          ),
        })
        .from(checkouts)
        .where(and(eq(checkouts.id, id), ownedByRequester))
        .for('update');
      return row;
    },

    async findOpenForCart(cartId: string): Promise<CheckoutRow | undefined> {
      const [row] = await db
        .select()
        .from(checkouts)
        .where(and(eq(checkouts.cartId, cartId), eq(checkouts.status, 'open')));
      return row;
    },

    /**
     * The open draft of the owner's cart (the one `start` answers) by a plain read: unlike
     * `resolveCart` it neither creates a user's cart nor records a guest cart's use.
     */
    async findOpenForOwner(
      owner: { userId: string } | { tokenHash: string; idleSince: Date },
    ): Promise<CheckoutRow | undefined> {
      const ownersCart =
        'userId' in owner
          ? and(eq(carts.userId, owner.userId), eq(checkouts.userId, owner.userId))
          : and(
              eq(carts.tokenHash, owner.tokenHash),
              gte(carts.lastActiveAt, owner.idleSince),
              isNull(checkouts.userId),
            );
      const [row] = await db
        .select({ draft: checkouts })
        .from(checkouts)
        .innerJoin(carts, eq(carts.id, checkouts.cartId))
        .where(and(eq(checkouts.status, 'open'), ownersCart));
      return row?.draft;
    },

    /** Creates the cart's open draft unless one appeared concurrently (the partial unique index). */
    async insertDraft(values: typeof checkouts.$inferInsert): Promise<void> {
      await db.insert(checkouts).values(values).onConflictDoNothing();
    },

    async update(id: string, values: Partial<typeof checkouts.$inferInsert>): Promise<CheckoutRow> {
      const [row] = await db.update(checkouts).set(values).where(eq(checkouts.id, id)).returning();
      return row!;
    },

    async savedAddress(userId: string, id: string) {
      const [row] = await db
        .select()
        .from(addresses)
        .where(and(eq(addresses.id, id), eq(addresses.userId, userId)));
      return row;
    },

    async userEmail(userId: string): Promise<string | undefined> {
      const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
      return row?.email;
    },
  };
}
export type CheckoutQueries = ReturnType<typeof checkoutQueries>;
