import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CartChange,
  type CompleteCheckoutBody,
  GUEST_CART_IDLE_MS,
  type Order,
  type OrderPlaced,
} from '@securecart/contract';
import { type Database, type Executor, schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { randomToken, sha256, timingSafeEqualStrings } from '../../lib/crypto.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import { formatMoney } from '../../lib/money.ts';
import type { MailMessage } from '../../plugins/mailer.ts';
import type { CartLineRow } from '../cart/cart-queries.ts';
import type { CartOwner } from '../cart/cart-service.ts';
import { checkoutQueries } from '../checkout/checkout-queries.ts';
import {
  type AuditEntryFn,
  type AuditFn,
  type CheckoutSettings,
  decryptAddresses,
  draftOwnerOf,
  requireReached,
  summarize,
} from '../checkout/checkout-service.ts';
import type { ChargeResult, PaymentProvider } from '../payments/payment-provider.ts';
import { newOrderNumber } from './order-number.ts';
import { type OrderLine, type OrderRow, orderQueries } from './order-queries.ts';

type CheckoutLine = (typeof schema.checkouts.$inferSelect)['lines'][number];

/** How long a retry with an in-flight Idempotency-Key waits for the first request's answer. */
export const IDEMPOTENCY_WAIT_MS = 10 * 1000;
const IDEMPOTENCY_POLL_MS = 25;
const ORDER_NUMBER_ATTEMPTS = 5;

export const paymentDeclined = () =>
  new AppError(402, 'Payment Required', 'The card was declined; nothing was charged', 'payment_declined');

/** Stripe path: the PaymentIntent is not (yet) succeeded for this draft and amount; nothing placed. */
const paymentNotDone = (failure: NonNullable<ChargeResult['failure']>) => {
  switch (failure) {
    case 'payment_processing':
      return conflict('The payment is still processing; try again shortly', failure);
    case 'payment_mismatch':
      return conflict('The payment does not match this checkout; start the payment step again', failure);
    case 'payment_canceled':
      return new AppError(402, 'Payment Required', 'The payment was canceled; start it again', failure);
    default:
      return new AppError(
        402,
        'Payment Required',
        'The payment has not succeeded yet; confirm it with the card form first',
        failure,
      );
  }
};

const cartChanged = (changes: CartChange[]) =>
  conflict('The cart changed since you reviewed it; nothing was charged', 'cart_changed', { changes });

/** What differs between the reviewed snapshot and the live cart; empty when they agree. */
export function diffLines(snapshot: CheckoutLine[], live: CartLineRow[]): CartChange[] {
  const changes: CartChange[] = [];
  const liveById = new Map(live.map((line) => [line.productId, line]));
  for (const reviewed of snapshot) {
    const line = liveById.get(reviewed.productId);
    const base = { productId: reviewed.productId, name: reviewed.name };
    if (!line?.active) changes.push({ ...base, reason: 'unavailable' });
    else if (line.priceCents !== reviewed.unitPriceCents)
      changes.push({
        ...base,
        reason: 'price_changed',
        before: reviewed.unitPriceCents,
        after: line.priceCents,
      });
    else if (line.quantity !== reviewed.quantity)
      changes.push({ ...base, reason: 'quantity_changed', before: reviewed.quantity, after: line.quantity });
    else if (line.stock < line.quantity)
      changes.push({ ...base, reason: 'insufficient_stock', before: line.quantity, after: line.stock });
  }
  const reviewedIds = new Set(snapshot.map((line) => line.productId));
  for (const line of live) {
    if (!reviewedIds.has(line.productId) && line.active && line.stock >= line.quantity) {
      changes.push({ productId: line.productId, name: line.name, reason: 'added', after: line.quantity });
    }
  }
  return changes;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The API shape of an order (API.md), from its row, lines and timeline. */
export async function loadOrder(db: Executor, row: OrderRow): Promise<Order> {
  const q = orderQueries(db);
  const [items, events] = await Promise.all([q.items([row.id]), q.events(row.id)]);
  return {
    ...orderSummary(row, items),
    timeline: events.map((event) => ({ status: event.status, at: event.at.toISOString(), note: event.note })),
  };
}

export function orderSummary(row: OrderRow, items: OrderLine[]): Omit<Order, 'timeline'> {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    items: items
      .filter((item) => item.orderId === row.id)
      .map(({ productId, name, unitPriceCents, quantity, lineTotalCents }) => ({
        productId,
        name,
        unitPriceCents,
        quantity,
        lineTotalCents,
      })),
    subtotalCents: row.subtotalCents,
    taxCents: row.taxCents,
    shippingCents: row.shippingCents,
    totalCents: row.totalCents,
    refundedCents: row.refundedCents,
    currency: row.currency,
    shippingAddress: row.shippingAddress as Order['shippingAddress'],
    shippingMethodName: row.shippingMethodName,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    createdAt: row.createdAt.toISOString(),
    paidAt: iso(row.paidAt),
  };
}

export interface OrderServiceDeps {
  db: Database;
  clock: () => Date;
  settings: CheckoutSettings;
  payments: PaymentProvider;
  publicUrl: string;
  sendMail: (message: MailMessage) => void;
  confirmationMail: (to: string, number: string, totalText: string, link: string) => MailMessage;
}

export function orderService(deps: OrderServiceDeps) {
  const { db, clock, settings, payments } = deps;

  /**
   * Places the order of a reviewed draft in ONE transaction: locks the draft, re-prices against the
   * live cart (409 `cart_changed`, nothing charged), takes stock with guarded updates (a short line
   * rolls back and answers `cart_changed`), charges, and writes the order, its line snapshots,
   * timeline, stock history, empties the cart, completes the draft and finishes the idempotency key.
   * A declined card rolls all of it back.
   */
  async function placeOnce(
    owner: CartOwner | null,
    draftId: string,
    input: CompleteCheckoutBody & object,
    audit: AuditEntryFn,
    { runner = db, idempotency }: { runner?: Database; idempotency?: { scope: string; key: string } } = {},
  ): Promise<OrderPlaced> {
    // `null` owner: the Stripe webhook, which speaks for the draft named in the PaymentIntent.
    const find = async (tx: Executor, now: Date) => {
      if (!owner || 'userId' in owner) return checkoutQueries(tx).lockForPlacing(draftId, owner);
      if (!owner.cartToken) return undefined;
      const idleSince = new Date(now.getTime() - GUEST_CART_IDLE_MS);
      return checkoutQueries(tx).lockForPlacing(draftId, { tokenHash: sha256(owner.cartToken), idleSince });
    };

    let chargedReference: string | undefined;
    let chargedCents = 0;
    let guestToken: string | undefined;
    let placed: { order: Order; email: string | null } | undefined;
    try {
      placed = await runner.transaction(async (tx) => {
        const now = clock();
        const q = orderQueries(tx);
        const found = await find(tx, now);
        if (!found) throw notFound('Checkout');
        const { draft, liveLines: lines } = found;
        // The draft row lock serialises the client's completion and the webhook: the second sees this.
        const placedMeanwhile = await alreadyPlaced(tx, draft);
        if (placedMeanwhile) {
          if (idempotency) {
            const answer = { order: placedMeanwhile.order };
            await q.finishKey(idempotency.scope, idempotency.key, 201, answer, now);
          }
          return { order: placedMeanwhile.order, email: null };
        }
        requireReached(draft, 'review');
        const again = diffLines(draft.lines, lines);
        if (again.length > 0) throw cartChanged(again);
        const addresses = decryptAddresses(settings.encryptionKey, draft);
        if (!addresses || !draft.shippingMethodId)
          throw conflict('Finish the address and shipping steps first', 'checkout_step_out_of_order');
        const summary = summarize(
          lines,
          draft.currency,
          addresses.shippingAddress,
          draft.shippingMethodId,
          settings,
        );
        const method = settings.shippingMethods.find((m) => m.id === draft.shippingMethodId)!;
        const guestEmail = draft.userId ? null : draft.guestEmail;
        // Read before any stock row is locked: a hot product's lock is held as briefly as possible.
        const email =
          guestEmail ??
          (draft.userId ? await checkoutQueries(tx).userEmail(draft.userId) : undefined) ??
          null;

        // Sorted by product id: concurrent orders lock rows in one order, so they cannot deadlock.
        const sorted = [...summary.lines].sort((a, b) => (a.productId < b.productId ? -1 : 1));
        const sellers = new Map<string, string | null>();
        for (const line of sorted) {
          const taken = await q.takeStock(line.productId, line.quantity, line.unitPriceCents);
          if (!taken) {
            const [product] = await tx
              .select()
              .from(schema.products)
              .where(eq(schema.products.id, line.productId));
            const reason: CartChange =
              product && product.priceCents !== line.unitPriceCents
                ? {
                    productId: line.productId,
                    name: line.name,
                    reason: 'price_changed',
                    before: line.unitPriceCents,
                    after: product.priceCents,
                  }
                : product?.active
                  ? {
                      productId: line.productId,
                      name: line.name,
                      reason: 'insufficient_stock',
                      before: line.quantity,
                      after: product.stock,
                    }
                  : { productId: line.productId, name: line.name, reason: 'unavailable' };
            throw cartChanged([reason]);
          }
          sellers.set(line.productId, taken.sellerId);
        }

        const charge = await payments.charge(
          {
            id: draft.id,
            totalCents: summary.totalCents,
            currency: draft.currency,
            intentId: draft.paymentIntentId,
          },
          { cardNumber: input.cardNumber },
        );
        if (charge.status !== 'succeeded') {
          throw charge.failure ? paymentNotDone(charge.failure) : paymentDeclined();
        }
        // Stripe's money was taken before this call; a failure below is retried by the webhook instead.
        if (payments.name !== 'stripe') chargedReference = charge.reference;
        chargedCents = summary.totalCents;

        guestToken = guestEmail ? randomToken() : undefined;
        const id = randomUUID();
        const event = { status: 'paid' as const, at: now, note: 'Order placed and paid' };
        const timeline = [{ status: event.status, at: event.at.toISOString(), note: event.note }];
        const items = summary.lines.map((line) => ({
          orderId: id,
          productId: line.productId,
          sellerId: sellers.get(line.productId) ?? null,
          name: line.name,
          unitPriceCents: line.unitPriceCents,
          quantity: line.quantity,
          lineTotalCents: line.lineTotalCents,
        }));
        let order: OrderRow | undefined;
        let written: OrderLine[] | undefined;
        for (let attempt = 0; !written && attempt < ORDER_NUMBER_ATTEMPTS; attempt++) {
          order = {
            id,
            number: newOrderNumber(),
            userId: draft.userId,
            guestEmail,
            status: 'paid',
            currency: draft.currency,
            subtotalCents: summary.subtotalCents,
            taxCents: summary.taxCents,
            shippingCents: summary.shippingCents,
            totalCents: summary.totalCents,
            refundedCents: 0,
            shippingAddress: addresses.shippingAddress,
            billingAddress: addresses.billingAddress,
            shippingMethodId: method.id,
            shippingMethodName: method.name,
            carrier: null,
            trackingNumber: null,
            paymentProvider: payments.name,
            paymentIntentId: charge.reference,
            guestAccessTokenHash: guestToken ? sha256(guestToken) : null,
            checkoutId: draft.id,
            paidAt: now,
            shippedAt: null,
            completedAt: null,
            cancelledAt: null,
            createdAt: now,
            updatedAt: now,
          };
          written = await q.recordPlacement({
            order,
            items,
            event,
            cartId: draft.cartId,
            draft: { id: draft.id, recovered: draft.abandonedAt !== null },
            audit: audit('order.placed', {
              targetType: 'order',
              targetId: id,
              actorEmail: guestEmail,
              details: { number: order.number, totalCents: order.totalCents },
            }),
            // Finished in the placing statement: an order never exists with its key open.
            key: idempotency && {
              ...idempotency,
              answer: { order: { ...orderSummary(order, []), timeline } },
            },
          });
        }
        if (!order || !written) throw new Error('Could not draw a free order number');
        // Answered from what was just written, as loadOrder would read it back.
        return { order: { ...orderSummary(order, written), timeline }, email };
      });
    } catch (error) {
      // Charged but the order could not be written: give the money back.
      if (chargedReference && !placed) {
        await payments
          .refund(
            { id: draftId, paymentIntentId: chargedReference },
            chargedCents,
            `auto-refund:${chargedReference}`,
          )
          .catch(() => {});
      }
      throw error;
    }

    const { order, email } = placed;
    if (email) {
      const link = guestToken
        ? `${deps.publicUrl}/orders/${order.number}?email=${encodeURIComponent(email)}&token=${guestToken}`
        : `${deps.publicUrl}/account/orders/${order.id}`;
      deps.sendMail(
        deps.confirmationMail(email, order.number, formatMoney(order.totalCents, order.currency), link),
      );
    }
    return { order } satisfies OrderPlaced;
  }

  /**
   * Stripe: a draft completed by the other path (webhook or client) already has its order; answer it
   * instead of a 409, so both paths see the same single order. The simulated provider keeps the 409.
   */
  async function alreadyPlaced(ex: Executor, draft: { id: string; status: string }) {
    if (draft.status !== 'completed' || payments.name !== 'stripe') return undefined;
    const [row] = await ex.select().from(schema.orders).where(eq(schema.orders.checkoutId, draft.id));
    return row ? { order: await loadOrder(ex, row) } : undefined;
  }

  return {
    /**
     * The Stripe webhook's `payment_intent.succeeded`: places the draft's order (paid) inside the
     * caller's transaction (a savepoint), unless the client's completion already did. Throws
     * `cart_changed` when the stock or a price moved meanwhile (the caller refunds).
     */
    placeForPayment: (draftId: string, audit: AuditEntryFn, tx: Database) =>
      placeOnce(null, draftId, {}, audit, { runner: tx }),

    /**
     * `Idempotency-Key` (scoped to the draft): the key row is inserted first with ON CONFLICT DO
     * NOTHING, so of two concurrent requests exactly one places the order; the other polls for up to
     * 10 s and replays the stored 201, else answers 409 `idempotency_in_progress`. A failed attempt
     * (declined card, cart changed) releases the key so the client may retry with it. The same key
     * with a different body is a 422 `idempotency_key_reused`.
     */
    async complete(
      owner: CartOwner,
      draftId: string,
      input: CompleteCheckoutBody & object,
      idempotencyKey: string | undefined,
      audit: AuditEntryFn,
    ): Promise<OrderPlaced> {
      if (!idempotencyKey) return placeOnce(owner, draftId, input, audit);
      const q = orderQueries(db);
      const scope = `checkout.complete:${draftId}`;
      const requestHash = sha256(JSON.stringify(input));
      const deadline = Date.now() + IDEMPOTENCY_WAIT_MS;
      let claimed = await q.claimKey(scope, idempotencyKey, requestHash, clock());
      // The key is taken: only the draft's owner may learn anything about it (a claimed key is
      // checked by placing, which finds only the owner's draft).
      if (
        !claimed &&
        !(await checkoutQueries(db).findOwned(draftId, await draftOwnerOf(db, owner, clock())))
      ) {
        throw notFound('Checkout');
      }
      for (; ; claimed = await q.claimKey(scope, idempotencyKey, requestHash, clock())) {
        if (claimed) {
          try {
            return await placeOnce(owner, draftId, input, audit, {
              idempotency: { scope, key: idempotencyKey },
            });
          } catch (error) {
            await q.releaseKey(scope, idempotencyKey);
            throw error;
          }
        }
        const row = await q.findKey(scope, idempotencyKey);
        if (row) {
          if (row.requestHash !== requestHash) {
            throw unprocessable(
              'This Idempotency-Key was used with a different body',
              'idempotency_key_reused',
            );
          }
          if (row.responseStatus !== null) return row.responseBody as OrderPlaced;
        }
        if (Date.now() > deadline) {
          throw conflict(
            'A request with this Idempotency-Key is still in progress',
            'idempotency_in_progress',
          );
        }
        await sleep(IDEMPOTENCY_POLL_MS);
      }
    },

    async listMine(userId: string, page: number, pageSize: number) {
      const q = orderQueries(db);
      const { rows, total } = await q.listForUser(userId, pageSize, (page - 1) * pageSize);
      const items = await q.items(rows.map((row) => row.id));
      return { items: rows.map((row) => orderSummary(row, items)), page, pageSize, total };
    },

    async getMine(userId: string, id: string): Promise<Order> {
      const row = await orderQueries(db).byId(id);
      if (!row || row.userId !== userId) throw notFound('Order');
      return loadOrder(db, row);
    },

    /** Guest lookup: the email and the emailed token must both match, else the same 404. */
    async getAsGuest(number: string, email: string, token: string): Promise<Order> {
      const row = await orderQueries(db).byNumber(number);
      const expected = row?.guestAccessTokenHash ?? '';
      const tokenOk = timingSafeEqualStrings(sha256(token), expected);
      if (!row?.guestEmail || row.guestEmail !== normalizeEmail(email) || !expected || !tokenOk) {
        throw notFound('Order');
      }
      return loadOrder(db, row);
    },

    /**
     * Attaches a guest order to the signed-in account whose VERIFIED email equals the order's guest
     * email (proof of owning the mailbox the order was placed with). Idempotent for the owner.
     */
    async claim(userId: string, number: string, audit: AuditFn): Promise<Order> {
      return db.transaction(async (tx) => {
        const [user] = await tx
          .select({ email: schema.users.email, verifiedAt: schema.users.emailVerifiedAt })
          .from(schema.users)
          .where(eq(schema.users.id, userId));
        const row = await orderQueries(tx).byNumber(number);
        if (!row || !user) throw notFound('Order');
        if (row.userId === userId) return loadOrder(tx, row);
        if (row.userId !== null || row.guestEmail !== normalizeEmail(user.email)) throw notFound('Order');
        if (!user.verifiedAt) throw forbidden('Verify your email address first', 'email_not_verified');
        const [claimed] = await tx
          .update(schema.orders)
          .set({ userId, guestAccessTokenHash: null, updatedAt: clock() })
          .where(eq(schema.orders.id, row.id))
          .returning();
        await audit('order.claimed', { targetType: 'order', targetId: row.id, details: { number } }, tx);
        return loadOrder(tx, claimed!);
      });
    },
  };
}
export type OrderService = ReturnType<typeof orderService>;
