import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { products } from './catalog.ts';
import { users } from './users.ts';

/*
 * Commerce: carts, checkout drafts, orders and everything that hangs off them (refunds, payment
 * webhooks, idempotency, reviews, wishlists, stock history). Money is integer minor units
 * (`*_cents`) with the ISO 4217 currency beside it; every time is timestamptz.
 */

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------------------------------------
// Carts

/**
 * Exactly one owner: a signed-in user (one cart per user, following them across devices) or a
 * guest holding a random token, of which only the SHA-256 is stored.
 */
export const carts = pgTable(
  'carts',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().unique(),
    currency: char({ length: 3 }).notNull().default('USD'),
    /** Guest carts expire 30 days after this (idle); every use moves it forward. */
    lastActiveAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    check('carts_exactly_one_owner', sql`(${t.userId} is null) <> (${t.tokenHash} is null)`),
    // The clean-up of idle guest carts scans only guest carts, oldest first.
    index('carts_guest_idle_idx').on(t.lastActiveAt).where(sql`${t.userId} is null`),
  ],
);

export const cartItems = pgTable(
  'cart_items',
  {
    cartId: uuid()
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.productId] }),
    check('cart_items_quantity_range', sql`${t.quantity} between 1 and 99`),
    index('cart_items_product_idx').on(t.productId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Checkout drafts

export const checkoutStep = pgEnum('checkout_step', ['address', 'shipping', 'payment', 'review', 'complete']);
export const checkoutStatus = pgEnum('checkout_status', ['open', 'abandoned', 'completed']);

/** One line as priced when the draft was last saved; completion compares it with live prices. */
export interface CheckoutLineSnapshot {
  productId: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
}

/**
 * A resumable, server-side draft of an order. Addresses are personal data kept only as
 * AES-256-GCM ciphertext (`addressEnc`, `iv.tag.data`), decrypted by the API with ENCRYPTION_KEY.
 */
export const checkouts = pgTable(
  'checkouts',
  {
    id: uuid().primaryKey().defaultRandom(),
    cartId: uuid().references(() => carts.id, { onDelete: 'set null' }),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    /** Contact email given by a guest (normalised); signed-in users are reached at their account email. */
    guestEmail: text(),
    step: checkoutStep().notNull().default('address'),
    status: checkoutStatus().notNull().default('open'),
    /** Encrypted JSON `{ shippingAddress, billingAddress }`. */
    addressEnc: text(),
    shippingMethodId: text(),
    currency: char({ length: 3 }).notNull().default('USD'),
    lines: jsonb().$type<CheckoutLineSnapshot[]>().notNull().default([]),
    subtotalCents: integer().notNull().default(0),
    taxCents: integer().notNull().default(0),
    shippingCents: integer().notNull().default(0),
    totalCents: integer().notNull().default(0),
    paymentProvider: text(),
    paymentIntentId: text(),
    /** SHA-256 of the token in the recovery email's resume link. */
    resumeTokenHash: text().unique(),
    recoveryOptOut: boolean().notNull().default(false),
    abandonedAt: timestamp({ withTimezone: true }),
    recoveryEmailSentAt: timestamp({ withTimezone: true }),
    /** Completed after having been marked abandoned. */
    recovered: boolean().notNull().default(false),
    completedAt: timestamp({ withTimezone: true }),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'checkouts_totals_consistent',
      sql`${t.subtotalCents} >= 0 and ${t.taxCents} >= 0 and ${t.shippingCents} >= 0 and ${t.totalCents} = ${t.subtotalCents} + ${t.taxCents} + ${t.shippingCents}`,
    ),
    // One open draft per cart: a second POST /checkout resumes instead of forking.
    uniqueIndex('checkouts_one_open_per_cart_idx').on(t.cartId).where(sql`${t.status} = 'open'`),
    index('checkouts_user_idx').on(t.userId, t.createdAt),
    // The abandonment job: open drafts idle longest first.
    index('checkouts_open_idle_idx').on(t.lastActivityAt).where(sql`${t.status} = 'open'`),
    index('checkouts_created_idx').on(t.createdAt),
    uniqueIndex('checkouts_payment_intent_idx')
      .on(t.paymentProvider, t.paymentIntentId)
      .where(sql`${t.paymentIntentId} is not null`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Orders

export const orderStatus = pgEnum('order_status', [
  'pending_payment',
  'paid',
  'shipped',
  'completed',
  'cancelled',
  'refunded',
  'partially_refunded',
]);

/** Snapshot of an address as it was when the order was placed. */
export interface AddressSnapshot {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  phone?: string | null;
}

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human reference such as `SC-7K3M-9QX2`: random, so it says nothing about sales volume. */
    number: text().notNull().unique(),
    userId: uuid().references(() => users.id),
    /** Guests only (normalised); signed-in buyers are reached through `users`. */
    guestEmail: text(),
    status: orderStatus().notNull().default('pending_payment'),
    currency: char({ length: 3 }).notNull().default('USD'),
    subtotalCents: integer().notNull(),
    taxCents: integer().notNull(),
    shippingCents: integer().notNull(),
    totalCents: integer().notNull(),
    refundedCents: integer().notNull().default(0),
    shippingAddress: jsonb().$type<AddressSnapshot>().notNull(),
    billingAddress: jsonb().$type<AddressSnapshot>().notNull(),
    shippingMethodId: text().notNull(),
    shippingMethodName: text().notNull(),
    carrier: text(),
    trackingNumber: text(),
    paymentProvider: text().notNull(),
    paymentIntentId: text(),
    /** SHA-256 of the token in a guest's order link (`/orders/:number?email=…&token=…`). */
    guestAccessTokenHash: text(),
    /** One order per draft, whichever of webhook and client completion arrives first. */
    checkoutId: uuid()
      .unique()
      .references(() => checkouts.id, { onDelete: 'set null' }),
    paidAt: timestamp({ withTimezone: true }),
    shippedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('orders_buyer', sql`${t.userId} is not null or ${t.guestEmail} is not null`),
    check(
      'orders_totals_consistent',
      sql`${t.subtotalCents} >= 0 and ${t.taxCents} >= 0 and ${t.shippingCents} >= 0 and ${t.totalCents} = ${t.subtotalCents} + ${t.taxCents} + ${t.shippingCents}`,
    ),
    check('orders_refund_bounds', sql`${t.refundedCents} between 0 and ${t.totalCents}`),
    // Ascending indexes on purpose: a backward scan serves `order by created_at desc` (nulls first,
    // the default), which a `desc nulls last` index cannot. Admin list, optionally by status:
    index('orders_created_idx').on(t.createdAt, t.id),
    index('orders_status_created_idx').on(t.status, t.createdAt),
    // The admin list sorted by total (ties by created date, in the same direction).
    index('orders_total_created_idx').on(t.totalCents, t.createdAt, t.id),
    // Order history of one user, newest first.
    index('orders_user_created_idx').on(t.userId, t.createdAt),
    index('orders_guest_email_idx').on(t.guestEmail).where(sql`${t.guestEmail} is not null`),
    // Sales reports count orders on the day they were paid.
    index('orders_paid_at_idx').on(t.paidAt).where(sql`${t.paidAt} is not null`),
    uniqueIndex('orders_payment_intent_idx')
      .on(t.paymentProvider, t.paymentIntentId)
      .where(sql`${t.paymentIntentId} is not null`),
  ],
);

/** Lines are snapshots: later price, name or seller changes never rewrite an order. */
export const orderItems = pgTable(
  'order_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    sellerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    name: text().notNull(),
    unitPriceCents: integer().notNull(),
    quantity: integer().notNull(),
    lineTotalCents: integer().notNull(),
    /** Per-line shipping, for sellers who ship their own items. */
    shippedAt: timestamp({ withTimezone: true }),
    carrier: text(),
    trackingNumber: text(),
  },
  (t) => [
    unique('order_items_order_product_key').on(t.orderId, t.productId),
    check('order_items_quantity_positive', sql`${t.quantity} > 0`),
    check(
      'order_items_line_total',
      sql`${t.unitPriceCents} >= 0 and ${t.lineTotalCents} = ${t.unitPriceCents} * ${t.quantity}`,
    ),
    // "Has this user bought this product" (reviews) and top-product reports.
    index('order_items_product_idx').on(t.productId),
    index('order_items_seller_idx').on(t.sellerId, t.orderId),
  ],
);

/** The status timeline shown to the customer and the admin. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    status: orderStatus().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    note: text(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at)],
);

export const refundStatus = pgEnum('refund_status', ['pending', 'succeeded', 'failed']);

export const refunds = pgTable(
  'refunds',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    amountCents: integer().notNull(),
    reason: text().notNull(),
    status: refundStatus().notNull().default('pending'),
    providerRefundId: text(),
    /** The `Idempotency-Key` of the admin request (or a derived key for automatic refunds). */
    idempotencyKey: text(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('refunds_amount_positive', sql`${t.amountCents} > 0`),
    index('refunds_order_idx').on(t.orderId, t.createdAt),
    uniqueIndex('refunds_idempotency_idx').on(t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    uniqueIndex('refunds_provider_refund_idx')
      .on(t.providerRefundId)
      .where(sql`${t.providerRefundId} is not null`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Idempotency and payment webhooks

/**
 * `Idempotency-Key` records. `scope` names the operation and its owner (e.g.
 * `checkout.complete:<draftId>`), so one client's key never replays another's answer. A row with
 * a null `responseStatus` is in flight; a concurrent retry waits or gets a 409.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text().notNull(),
    key: text().notNull(),
    /** SHA-256 of the request body: the same key with a different body is refused. */
    requestHash: text().notNull(),
    responseStatus: smallint(),
    responseBody: jsonb(),
    createdAt: createdAt(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/** Webhook events already handled; inserted in the same transaction as their effect. */
export const paymentEvents = pgTable(
  'payment_events',
  {
    provider: text().notNull().default('stripe'),
    eventId: text().notNull(),
    type: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

// ---------------------------------------------------------------------------------------------
// Reviews, wishlists, stock history

export const reviews = pgTable(
  'reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: smallint().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reviews_one_per_user_key').on(t.productId, t.userId),
    check('reviews_rating_range', sql`${t.rating} between 1 and 5`),
    index('reviews_product_newest_idx').on(t.productId, t.createdAt),
    index('reviews_user_idx').on(t.userId),
  ],
);

export const wishlistItems = pgTable(
  'wishlist_items',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.productId] }),
    index('wishlist_items_user_newest_idx').on(t.userId, t.createdAt),
    index('wishlist_items_product_idx').on(t.productId),
  ],
);

/** Every stock change with its reason: admin/seller adjustments, orders placed, orders cancelled. */
export const stockAdjustments = pgTable(
  'stock_adjustments',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    delta: integer().notNull(),
    reason: text().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('stock_adjustments_delta_nonzero', sql`${t.delta} <> 0`),
    index('stock_adjustments_product_idx').on(t.productId, t.createdAt),
  ],
);
