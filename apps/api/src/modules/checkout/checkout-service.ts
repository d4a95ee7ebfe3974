import {
  CHECKOUT_STEPS,
  type Checkout,
  type CheckoutAddress,
  type CheckoutStep,
  type CheckoutSummary,
  GUEST_CART_IDLE_MS,
} from '@securecart/contract';
import { type Database, type Executor, schema } from '@securecart/db';
import { and, count, eq, ne } from 'drizzle-orm';
import { decrypt, encrypt, randomToken, sha256 } from '../../lib/crypto.ts';
import { normalizeEmail } from '../../lib/email.ts';
import {
  AppError,
  conflict,
  invalidFields,
  notFound,
  unauthorized,
  unprocessable,
} from '../../lib/errors.ts';
import type { AuditFields } from '../audit/audit.ts';
import type { AuditEntry } from '../audit/audit-queries.ts';
import { type CartLineRow, cartQueries } from '../cart/cart-queries.ts';
import { type CartOwner, resolveCart } from '../cart/cart-service.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import { computeTotals, eligibleShippingMethods, taxRateFor } from '../pricing/pricing.ts';
import type { ShippingMethod, TaxTable } from '../pricing/pricing-config.ts';
import { type CheckoutRow, checkoutQueries, type DraftOwner } from './checkout-queries.ts';

export interface CheckoutSettings {
  taxRates: TaxTable;
  shippingMethods: readonly ShippingMethod[];
  encryptionKey: Buffer;
}

/** Records one audit entry for the current request (inside the caller's transaction when given). */
export type AuditFn = (action: string, fields: AuditFields, tx?: Executor) => Promise<void>;

/** The audit entry of the current request, for a statement that writes it along with its change. */
export type AuditEntryFn = (action: string, fields: AuditFields) => AuditEntry;

interface StoredAddresses {
  shippingAddress: CheckoutAddress;
  billingAddress: CheckoutAddress;
}

/** A recovery email's resume link works this long after the draft was abandoned (30 days). */
export const RESUME_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const stepIndex = (step: CheckoutStep) => CHECKOUT_STEPS.indexOf(step);
const draftNotFound = () => notFound('Checkout');

export const stepOutOfOrder = (needed: CheckoutStep, current: CheckoutStep) =>
  conflict(
    `Finish the ${current} step first (this call needs the ${needed} step)`,
    'checkout_step_out_of_order',
    { step: current },
  );

/** The draft must be open and have reached `needed` (going back to an earlier step is allowed). */
export function requireReached(draft: CheckoutRow, needed: CheckoutStep): void {
  if (draft.status === 'completed') throw conflict('This checkout is already complete', 'checkout_completed');
  if (stepIndex(draft.step) < stepIndex(needed)) throw stepOutOfOrder(needed, draft.step);
}

/** The draft owner a request speaks for: the signed-in user, or the cart of the guest's token. */
export async function draftOwnerOf(db: Executor, owner: CartOwner, now: Date): Promise<DraftOwner> {
  if ('userId' in owner) return owner;
  try {
    const cart = await resolveCart(cartQueries(db), owner, now);
    return { cartId: cart.id };
  } catch {
    // An unknown or expired cart token must not reveal that the draft exists.
    throw draftNotFound();
  }
}

export function decryptAddresses(
  key: Buffer,
  draft: Pick<CheckoutRow, 'addressEnc'>,
): StoredAddresses | undefined {
  return draft.addressEnc ? (JSON.parse(decrypt(key, draft.addressEnc)) as StoredAddresses) : undefined;
}

/** Sold lines only: archived products and lines beyond stock are left out (and flagged at completion). */
export const availableLines = (lines: CartLineRow[]) =>
  lines.filter((line) => line.active && line.stock >= line.quantity);

/**
 * The draft's figures, always from live catalog prices: tax at the shipping address's rate (0
 * before the address step), shipping at the chosen method (0 before it is chosen or when the
 * subtotal no longer qualifies for it).
 */
export function summarize(
  lines: CartLineRow[],
  currency: string,
  address: CheckoutAddress | undefined,
  methodId: string | null,
  settings: Pick<CheckoutSettings, 'taxRates' | 'shippingMethods'>,
): CheckoutSummary {
  const sold = availableLines(lines).map((line) => ({
    productId: line.productId,
    name: line.name,
    unitPriceCents: line.priceCents,
    quantity: line.quantity,
    lineTotalCents: line.priceCents * line.quantity,
  }));
  const subtotalCents = sold.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const rate = address ? (taxRateFor(settings.taxRates, address.country, address.region) ?? 0) : 0;
  const method = methodId
    ? eligibleShippingMethods(settings.shippingMethods, subtotalCents).find((m) => m.id === methodId)
    : undefined;
  return {
    lines: sold,
    ...computeTotals({ subtotalCents, rateBasisPoints: rate, shippingCents: method?.priceCents ?? 0 }),
    currency,
  };
}

/** What every step saves with the draft: the priced lines and totals it showed. */
export const snapshotOf = (summary: CheckoutSummary) => ({
  lines: summary.lines.map(({ productId, name, unitPriceCents, quantity }) => ({
    productId,
    name,
    unitPriceCents,
    quantity,
  })),
  subtotalCents: summary.subtotalCents,
  taxCents: summary.taxCents,
  shippingCents: summary.shippingCents,
  totalCents: summary.totalCents,
});

export interface CheckoutServiceDeps {
  db: Database;
  clock: () => Date;
  settings: CheckoutSettings;
  payments: Pick<PaymentProvider, 'name' | 'start' | 'publishableKey'>;
}

export function checkoutService({ db, clock, settings, payments }: CheckoutServiceDeps) {
  function view(draft: CheckoutRow, lines: CartLineRow[]): Checkout {
    const addresses = decryptAddresses(settings.encryptionKey, draft);
    return {
      id: draft.id,
      step: draft.step,
      status: draft.status,
      email: draft.guestEmail,
      shippingAddress: addresses?.shippingAddress ?? null,
      billingAddress: addresses?.billingAddress ?? null,
      shippingMethodId: draft.shippingMethodId,
      paymentProvider: draft.paymentProvider,
      summary: summarize(lines, draft.currency, addresses?.shippingAddress, draft.shippingMethodId, settings),
      updatedAt: draft.updatedAt.toISOString(),
    };
  }

  const linesOf = (tx: Executor, draft: CheckoutRow) =>
    draft.cartId ? cartQueries(tx).listLines(draft.cartId) : Promise.resolve([]);

  /**
   * Runs one step on the owner's draft, row-locked, in one transaction; saves the live snapshot,
   * bumps last_activity_at and writes the audit entry `checkout.<action>`.
   */
  async function step(
    owner: CartOwner,
    id: string,
    action: string,
    audit: AuditFn,
    work: (draft: CheckoutRow, lines: CartLineRow[], tx: Executor) => Promise<Partial<CheckoutRow>>,
  ): Promise<Checkout> {
    return db.transaction(async (tx) => {
      const now = clock();
      const draftOwner = await draftOwnerOf(tx, owner, now);
      const q = checkoutQueries(tx);
      const draft = await q.findOwned(id, draftOwner, true);
      if (!draft) throw draftNotFound();
      const lines = await linesOf(tx, draft);
      const changes = await work(draft, lines, tx);
      const merged = { ...draft, ...changes };
      const summary = summarize(
        lines,
        draft.currency,
        decryptAddresses(settings.encryptionKey, merged)?.shippingAddress,
        merged.shippingMethodId,
        settings,
      );
      const saved = await q.update(draft.id, {
        ...changes,
        ...snapshotOf(summary),
        lastActivityAt: now,
        updatedAt: now,
      });
      await audit(
        `checkout.${action}`,
        { targetType: 'checkout', targetId: draft.id, details: { step: saved.step } },
        tx,
      );
      return view(saved, lines);
    });
  }

  return {
    /** Starts (or resumes: one open draft per cart) a checkout from the owner's current cart. */
    async start(owner: CartOwner, email: string | undefined, audit: AuditFn): Promise<Checkout> {
      const guest = !('userId' in owner);
      if (guest && !email)
        throw invalidFields([{ path: 'email', message: 'is required for guest checkout' }]);
      return db.transaction(async (tx) => {
        const now = clock();
        const cart = await resolveCart(cartQueries(tx), owner, now);
        const lines = await cartQueries(tx).listLines(cart.id);
        if (availableLines(lines).length === 0) throw unprocessable('The cart is empty', 'cart_empty');
        const q = checkoutQueries(tx);
        const userId = 'userId' in owner ? owner.userId : null;
        const guestEmail = guest ? normalizeEmail(email!) : null;
        let draft = await q.findOpenForCart(cart.id);
        if (!draft) {
          await q.insertDraft({
            cartId: cart.id,
            userId,
            guestEmail,
            currency: cart.currency,
            lastActivityAt: now,
            createdAt: now,
            updatedAt: now,
          });
          draft = await q.findOpenForCart(cart.id);
        }
        if (!draft) throw new AppError(500, 'Internal Server Error');
        const summary = summarize(
          lines,
          draft.currency,
          decryptAddresses(settings.encryptionKey, draft)?.shippingAddress,
          draft.shippingMethodId,
          settings,
        );
        const saved = await q.update(draft.id, {
          ...(guestEmail ? { guestEmail } : {}),
          ...snapshotOf(summary),
          lastActivityAt: now,
          updatedAt: now,
        });
        await audit(
          'checkout.started',
          { targetType: 'checkout', targetId: saved.id, actorEmail: guestEmail },
          tx,
        );
        return view(saved, lines);
      });
    },

    /** The owner's open draft (the one `start` would answer) or null; writes nothing at all. */
    async current(owner: CartOwner): Promise<Checkout | null> {
      const cartOwner =
        'userId' in owner
          ? owner
          : owner.cartToken
            ? {
                tokenHash: sha256(owner.cartToken),
                idleSince: new Date(clock().getTime() - GUEST_CART_IDLE_MS),
              }
            : undefined;
      const draft = cartOwner && (await checkoutQueries(db).findOpenForOwner(cartOwner));
      return draft ? view(draft, await linesOf(db, draft)) : null;
    },

    async get(owner: CartOwner, id: string): Promise<Checkout> {
      const draftOwner = await draftOwnerOf(db, owner, clock());
      const draft = await checkoutQueries(db).findOwned(id, draftOwner);
      if (!draft) throw draftNotFound();
      return view(draft, await linesOf(db, draft));
    },

    async setAddress(
      owner: CartOwner,
      id: string,
      body: {
        shippingAddress?: CheckoutAddress & { isDefault?: boolean };
        shippingAddressId?: string;
        billingAddress?: CheckoutAddress & { isDefault?: boolean };
        billingSameAsShipping?: true;
      },
      audit: AuditFn,
    ): Promise<Checkout> {
      return step(owner, id, 'address_set', audit, async (draft, _lines, tx) => {
        requireReached(draft, 'address');
        let shipping: CheckoutAddress;
        if (body.shippingAddressId) {
          const saved =
            'userId' in owner
              ? await checkoutQueries(tx).savedAddress(owner.userId, body.shippingAddressId)
              : undefined;
          if (!saved) throw notFound('Address');
          shipping = pick(saved);
        } else {
          shipping = pick(body.shippingAddress!);
        }
        const billing = body.billingSameAsShipping ? shipping : pick(body.billingAddress!);
        if (taxRateFor(settings.taxRates, shipping.country, shipping.region) === undefined) {
          throw unprocessable(`We do not ship to ${shipping.country} yet`, 'unsupported_country');
        }
        const stored: StoredAddresses = { shippingAddress: shipping, billingAddress: billing };
        return {
          addressEnc: encrypt(settings.encryptionKey, JSON.stringify(stored)),
          step: 'shipping',
          shippingMethodId: null,
          paymentProvider: null,
          paymentIntentId: null,
        };
      });
    },

    /** Methods eligible for the draft's live subtotal (needs the address step done). */
    async shippingMethods(owner: CartOwner, id: string) {
      const draftOwner = await draftOwnerOf(db, owner, clock());
      const draft = await checkoutQueries(db).findOwned(id, draftOwner);
      if (!draft) throw draftNotFound();
      requireReached(draft, 'shipping');
      const summary = summarize(await linesOf(db, draft), draft.currency, undefined, null, settings);
      return eligibleShippingMethods(settings.shippingMethods, summary.subtotalCents).map(
        ({ id: methodId, name, priceCents, estimatedDays }) => ({
          id: methodId,
          name,
          priceCents,
          estimatedDays,
        }),
      );
    },

    async setShipping(owner: CartOwner, id: string, methodId: string, audit: AuditFn): Promise<Checkout> {
      return step(owner, id, 'shipping_set', audit, async (draft, lines) => {
        requireReached(draft, 'shipping');
        const { subtotalCents } = summarize(lines, draft.currency, undefined, null, settings);
        if (
          !eligibleShippingMethods(settings.shippingMethods, subtotalCents).some((m) => m.id === methodId)
        ) {
          throw unprocessable(
            'This shipping method is not available for this order',
            'shipping_method_unavailable',
          );
        }
        return { shippingMethodId: methodId, step: 'payment', paymentProvider: null, paymentIntentId: null };
      });
    },

    /**
     * The recovery email's link: reopens the abandoned draft (it keeps `abandoned_at`, so completing it
     * counts as recovered). Guests get a fresh cart token bound to the draft's cart; a signed-in user's
     * draft needs that user signed in (401 otherwise, 404 for another user). An unknown, expired or
     * completed token is a 404.
     */
    async resume(token: string, userId: string | undefined, audit: AuditFn) {
      return db.transaction(async (tx) => {
        const now = clock();
        const { checkouts, carts } = schema;
        const [draft] = await tx
          .select()
          .from(checkouts)
          .where(eq(checkouts.resumeTokenHash, sha256(token)))
          .for('update');
        if (
          !draft?.abandonedAt ||
          draft.status === 'completed' ||
          !draft.cartId ||
          now.getTime() - draft.abandonedAt.getTime() > RESUME_TTL_MS
        ) {
          throw draftNotFound();
        }
        if (draft.userId && !userId) throw unauthorized('Sign in to resume this checkout');
        if (draft.userId && draft.userId !== userId) throw draftNotFound();
        let cartToken: string | undefined;
        if (!draft.userId) {
          cartToken = randomToken();
          await tx
            .update(carts)
            .set({ tokenHash: sha256(cartToken), lastActiveAt: now })
            .where(eq(carts.id, draft.cartId));
        }
        if (draft.status !== 'open') {
          // One open draft per cart: a newer one started meanwhile gives way to the resumed draft.
          await tx
            .update(checkouts)
            .set({ status: 'abandoned', abandonedAt: now, updatedAt: now })
            .where(
              and(
                eq(checkouts.cartId, draft.cartId),
                eq(checkouts.status, 'open'),
                ne(checkouts.id, draft.id),
              ),
            );
        }
        const saved = await checkoutQueries(tx).update(draft.id, {
          status: 'open',
          lastActivityAt: now,
          updatedAt: now,
        });
        await audit(
          'checkout.resumed',
          { targetType: 'checkout', targetId: draft.id, actorEmail: draft.guestEmail },
          tx,
        );
        return { checkout: view(saved, await linesOf(tx, saved)), ...(cartToken ? { cartToken } : {}) };
      });
    },

    /** The recovery email's opt-out link: no further recovery email for this draft. */
    async optOutOfRecovery(token: string, audit: AuditFn): Promise<void> {
      await db.transaction(async (tx) => {
        const { checkouts } = schema;
        const [draft] = await tx
          .update(checkouts)
          .set({ recoveryOptOut: true, updatedAt: clock() })
          .where(eq(checkouts.resumeTokenHash, sha256(token)))
          .returning({ id: checkouts.id, guestEmail: checkouts.guestEmail });
        if (!draft) throw draftNotFound();
        await audit(
          'checkout.recovery_opted_out',
          { targetType: 'checkout', targetId: draft.id, actorEmail: draft.guestEmail },
          tx,
        );
      });
    },

    /** Starts payment with the configured provider and moves the draft to review. */
    async startPayment(owner: CartOwner, id: string, audit: AuditFn) {
      let started: { clientSecret?: string } = {};
      await step(owner, id, 'payment_started', audit, async (draft, lines, tx) => {
        requireReached(draft, 'payment');
        const summary = summarize(
          lines,
          draft.currency,
          decryptAddresses(settings.encryptionKey, draft)?.shippingAddress,
          draft.shippingMethodId,
          settings,
        );
        if (summary.lines.length === 0) throw unprocessable('The cart is empty', 'cart_empty');
        if (!methodStillEligible(draft.shippingMethodId, summary.subtotalCents)) {
          throw conflict('Choose a shipping method again: the order changed', 'checkout_step_out_of_order', {
            step: 'shipping',
          });
        }
        const [refunded] = await tx
          .select({ n: count() })
          .from(schema.auditLog)
          .where(
            and(
              eq(schema.auditLog.action, 'payment.auto_refunded'),
              eq(schema.auditLog.targetType, 'checkout'),
              eq(schema.auditLog.targetId, draft.id),
            ),
          );
        const result = await payments.start({
          id: draft.id,
          totalCents: summary.totalCents,
          currency: draft.currency,
          attempt: refunded?.n ?? 0,
        });
        started = { clientSecret: result.clientSecret };
        return { step: 'review', paymentProvider: payments.name, paymentIntentId: result.intentId ?? null };
      });
      return {
        provider: payments.name,
        ...(started.clientSecret ? { clientSecret: started.clientSecret } : {}),
        ...(payments.publishableKey ? { publishableKey: payments.publishableKey } : {}),
      };
    },
  };

  /** The cart may have changed since the shipping step (e.g. it fell below a free-shipping threshold). */
  function methodStillEligible(methodId: string | null, subtotalCents: number): boolean {
    return eligibleShippingMethods(settings.shippingMethods, subtotalCents).some((m) => m.id === methodId);
  }
}
export type CheckoutService = ReturnType<typeof checkoutService>;

function pick(address: {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
  phone?: string | null;
}): CheckoutAddress {
  return {
    name: address.name,
    line1: address.line1,
    line2: address.line2 ?? null,
    city: address.city,
    region: address.region ?? '',
    postalCode: address.postalCode,
    country: address.country,
    phone: address.phone ?? null,
  };
}
