import {
  type AddCartItem,
  type Cart,
  type CartCreated,
  type CartEstimateQuery,
  GUEST_CART_IDLE_MS,
  MAX_LINE_QUANTITY,
} from '@securecart/contract';
import type { Database } from '@securecart/db';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { conflict, notFound, unprocessable } from '../../lib/errors.ts';
import { cheapestShippingMethod, computeTotals, normaliseRegion, taxRateFor } from '../pricing/pricing.ts';
import type { ShippingMethod, TaxTable } from '../pricing/pricing-config.ts';
import { type CartLineRow, type CartQueries, type CartRef, cartQueries } from './cart-queries.ts';

/** Whose cart a request means: the signed-in user's, or the guest cart its token opens. */
export type CartOwner = { userId: string } | { cartToken: string | undefined };

export interface PricingSettings {
  taxRates: TaxTable;
  shippingMethods: readonly ShippingMethod[];
}

// A code of its own, so a client can tell a cart it must start over from an unknown product.
const cartNotFound = () => notFound('Cart', 'cart_not_found');

/**
 * The cart of an owner, with its use recorded. A user's cart is created on first use; a guest
 * cart must exist and have been used within GUEST_CART_IDLE_MS, else it is a 404 (an unknown, a
 * foreign-looking and an expired token are indistinguishable). Checkout resolves carts this way too.
 */
export async function resolveCart(
  queries: Pick<CartQueries, 'upsertUserCart' | 'touchGuestCart'>,
  owner: CartOwner,
  now: Date,
): Promise<CartRef> {
  if ('userId' in owner) return queries.upsertUserCart(owner.userId, now);
  if (!owner.cartToken) throw cartNotFound();
  const cart = await queries.touchGuestCart(
    sha256(owner.cartToken),
    now,
    new Date(now.getTime() - GUEST_CART_IDLE_MS),
  );
  if (!cart) throw cartNotFound();
  return cart;
}

/**
 * Live view of a cart. Prices come from the catalog now, never from the client or the time of
 * adding. Only `available` lines (product still sold, stock covers the quantity) count towards
 * the totals. The estimate: tax at the rate of the given destination (query, else the user's
 * default address, else none → 0), shipping at the cheapest method eligible for the subtotal.
 */
export function buildCart(
  cart: CartRef,
  lines: CartLineRow[],
  destination: { country: string; region?: string | null } | undefined,
  pricing: PricingSettings,
): Cart {
  const items = lines.map((line) => ({
    productId: line.productId,
    name: line.name,
    slug: line.slug,
    imageUrl: line.imageUrl,
    unitPriceCents: line.priceCents,
    quantity: line.quantity,
    lineTotalCents: line.priceCents * line.quantity,
    stock: line.stock,
    available: line.active && line.stock >= line.quantity,
  }));
  const counted = items.filter((item) => item.available);
  const subtotalCents = counted.reduce((sum, item) => sum + item.lineTotalCents, 0);
  const itemCount = counted.reduce((sum, item) => sum + item.quantity, 0);
  const rate = destination
    ? taxRateFor(pricing.taxRates, destination.country, destination.region)
    : undefined;
  const shipping =
    subtotalCents > 0 ? cheapestShippingMethod(pricing.shippingMethods, subtotalCents) : undefined;
  const totals = computeTotals({
    subtotalCents,
    rateBasisPoints: rate ?? 0,
    shippingCents: shipping?.priceCents ?? 0,
  });
  return {
    id: cart.id,
    items,
    itemCount,
    ...totals,
    currency: cart.currency,
    estimate: {
      country: rate === undefined ? null : destination!.country,
      region:
        rate === undefined ? null : (normaliseRegion(destination!.country, destination!.region) ?? null),
      taxRateBasisPoints: rate ?? null,
      shippingMethodId: shipping?.id ?? null,
    },
  };
}

export interface CartServiceDeps {
  db: Database;
  clock: () => Date;
  pricing: PricingSettings;
}

export function cartService({ db, clock, pricing }: CartServiceDeps) {
  const queries = cartQueries(db);

  async function destinationFor(owner: CartOwner, estimate: CartEstimateQuery) {
    if (estimate.country) {
      const country = estimate.country.toUpperCase();
      if (taxRateFor(pricing.taxRates, country) === undefined) {
        throw unprocessable(`We do not ship to ${country} yet`, 'unsupported_country');
      }
      return { country, region: estimate.region };
    }
    return 'userId' in owner ? queries.defaultDestination(owner.userId) : undefined;
  }

  async function view(cart: CartRef, owner: CartOwner, estimate: CartEstimateQuery): Promise<Cart> {
    const [lines, destination] = await Promise.all([
      queries.listLines(cart.id),
      destinationFor(owner, estimate),
    ]);
    return buildCart(cart, lines, destination, pricing);
  }

  /** Resolves the owner's cart and runs `work` on it in one transaction. */
  function withCart<T>(owner: CartOwner, work: (q: CartQueries, cart: CartRef, now: Date) => Promise<T>) {
    return db.transaction(async (tx) => {
      const q = cartQueries(tx);
      const now = clock();
      const cart = await resolveCart(q, owner, now);
      await work(q, cart, now);
      return cart;
    });
  }

  return {
    /** A new guest cart; the token is returned once and only its SHA-256 is kept. */
    async createGuestCart(): Promise<CartCreated> {
      const cartToken = randomToken();
      const cart = await queries.insertGuestCart(sha256(cartToken), clock());
      return { cartId: cart.id, cartToken };
    },

    async userCartId(userId: string): Promise<string> {
      return (await queries.upsertUserCart(userId, clock())).id;
    },

    async getCart(owner: CartOwner, estimate: CartEstimateQuery): Promise<Cart> {
      // Checked before any write, so a refused estimate does not touch the cart.
      if (estimate.country) await destinationFor(owner, estimate);
      const cart = await resolveCart(queries, owner, clock());
      return view(cart, owner, estimate);
    },

    /** Adds to the line; the resulting quantity must stay within stock (409) and 99 (422). */
    async addItem(owner: CartOwner, input: AddCartItem, estimate: CartEstimateQuery): Promise<Cart> {
      if (estimate.country) await destinationFor(owner, estimate);
      const now = clock();
      if ('cartToken' in owner && !owner.cartToken) throw cartNotFound();
      const key =
        'userId' in owner
          ? owner
          : { tokenHash: sha256(owner.cartToken!), idleSince: new Date(now.getTime() - GUEST_CART_IDLE_MS) };
      const added = await queries.addToOwnersLine(
        key,
        input.productId,
        input.quantity,
        MAX_LINE_QUANTITY,
        now,
      );
      if (!added) throw cartNotFound();
      if (added.quantity === null) {
        // Refused: say why (rare, so the product is read only now).
        const product = await queries.findProduct(input.productId);
        if (!product?.active) throw notFound('Product');
        if (input.quantity > product.stock || product.stock <= MAX_LINE_QUANTITY) {
          throw insufficientStock(product.stock);
        }
        throw unprocessable(`A cart line holds at most ${MAX_LINE_QUANTITY} of a product`, 'quantity_limit');
      }
      const cart = { id: added.id, currency: added.currency };
      return buildCart(cart, added.lines, await destinationFor(owner, estimate), pricing);
    },

    /** Sets a line's quantity (1–99, within stock); 0 removes it. */
    async setQuantity(
      owner: CartOwner,
      productId: string,
      quantity: number,
      estimate: CartEstimateQuery,
    ): Promise<Cart> {
      if (estimate.country) await destinationFor(owner, estimate);
      const cart = await withCart(owner, async (q, cart, now) => {
        if (quantity === 0) return q.deleteLine(cart.id, productId);
        const product = await q.findProduct(productId);
        if (!product?.active) throw notFound('Product');
        if (quantity > product.stock) throw insufficientStock(product.stock);
        if (!(await q.setLineQuantity(cart.id, productId, quantity, now))) throw notFound('Cart line');
      });
      return view(cart, owner, estimate);
    },

    async removeItem(owner: CartOwner, productId: string): Promise<void> {
      await withCart(owner, (q, cart) => q.deleteLine(cart.id, productId));
    },
  };
}
export type CartService = ReturnType<typeof cartService>;

function insufficientStock(stock: number) {
  return conflict(
    stock === 0
      ? 'This product is out of stock'
      : `Only ${stock} of this product ${stock === 1 ? 'is' : 'are'} available`,
    'insufficient_stock',
  );
}

/**
 * On login: moves the guest cart given in `X-Cart-Token` into the user's cart (quantities added,
 * capped at stock and at 99; archived or sold-out lines dropped) and deletes the guest cart, in
 * one transaction. An unknown or expired token is ignored. Call it after a successful sign-in.
 */
export async function mergeGuestCart(
  db: Database,
  { userId, cartToken, now = new Date() }: { userId: string; cartToken: string | undefined; now?: Date },
): Promise<{ merged: boolean; lines: number }> {
  if (!cartToken) return { merged: false, lines: 0 };
  return db.transaction(async (tx) => {
    const q = cartQueries(tx);
    const guest = await q.lockGuestCart(sha256(cartToken), new Date(now.getTime() - GUEST_CART_IDLE_MS));
    if (!guest) return { merged: false, lines: 0 };
    const target = await q.upsertUserCart(userId, now);
    const lines = await q.mergeLines(guest.id, target.id, now);
    await q.deleteCart(guest.id);
    return { merged: true, lines };
  });
}
