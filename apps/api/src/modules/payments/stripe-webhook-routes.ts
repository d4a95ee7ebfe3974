import { problemSchema } from '@securecart/contract';
import { type Database, schema } from '@securecart/db';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type Stripe from 'stripe';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError, badRequest, notFound } from '../../lib/errors.ts';
import type { MailMessage } from '../../plugins/mailer.ts';
import type { AuditEntryFn, AuditFn } from '../checkout/checkout-service.ts';
import { composeMail } from '../mail/compose.ts';
import { orderConfirmationMail, orderMail } from '../orders/order-mail.ts';
import { orderService } from '../orders/order-service.ts';
import type { StripeProvider } from './stripe-provider.ts';

/** Stripe event payloads are small; anything larger is not Stripe. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;
/** Stripe retries from many addresses: one shared, generous bucket instead of the per-IP one. */
const WEBHOOK_RATE_LIMIT = { max: 1_200, timeWindow: '1 minute', keyGenerator: () => 'stripe-webhook' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const webhookAckSchema = z
  .object({
    received: z.literal(true),
    duplicate: z.boolean().describe('true when this event id was handled before (nothing done again)'),
  })
  .meta({ id: 'StripeWebhookAck' });

export const autoRefundMail = (to: string) =>
  orderMail(
    composeMail(to, 'payment_refunded', 'Your SecureCart payment was refunded', [
      'Your payment went through, but an item in your order sold out (or changed) before we could place it.',
      'We have refunded the full amount to your card; nothing was ordered. Sorry about that.',
    ]),
  );

/**
 * `POST /payments/stripe/webhook`. The body is parsed as raw bytes in this plugin only (the signature
 * covers them exactly); every other route keeps the normal JSON parser. Each event id is recorded in
 * payment_events in the same transaction as its effect, so a redelivery does nothing twice.
 */
export const stripeWebhookRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  const settings = {
    taxRates: config.taxRates,
    shippingMethods: config.shippingMethods,
    encryptionKey: config.encryptionKey,
  };
  const orders = orderService({
    db: app.db,
    clock: app.clock,
    settings,
    payments: app.payments,
    publicUrl: config.publicUrl,
    sendMail: (message) => app.outbox.send(message),
    confirmationMail: orderConfirmationMail,
  });
  const auditFor =
    (request: FastifyRequest): AuditFn =>
    (action, fields, tx) =>
      app.audit(request, action, { actorId: null, ...fields }, tx);
  const auditEntryFor =
    (request: FastifyRequest): AuditEntryFn =>
    (action, fields) =>
      app.auditEntry(request, action, { actorId: null, ...fields });

  function verify(request: FastifyRequest): Stripe.Event {
    if (app.payments.name !== 'stripe') throw notFound('Stripe webhook (PAYMENT_PROVIDER is not stripe)');
    const provider = app.payments as StripeProvider;
    const signature = request.headers['stripe-signature'];
    if (typeof signature !== 'string' || !Buffer.isBuffer(request.body)) {
      throw badRequest('Missing Stripe signature', 'invalid_signature');
    }
    try {
      // constructEvent also refuses a timestamp outside the tolerance (replays of old deliveries).
      return provider.stripe.webhooks.constructEvent(request.body, signature, provider.webhookSecret);
    } catch {
      throw badRequest('The Stripe signature does not verify', 'invalid_signature');
    }
  }

  app.post(
    '/payments/stripe/webhook',
    {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      config: { rateLimit: WEBHOOK_RATE_LIMIT },
      schema: {
        hide: false,
        tags: ['payments'],
        operationId: 'stripeWebhook',
        summary: 'Stripe webhook (called by Stripe, not by clients)',
        description:
          'The body is a Stripe Event object exactly as Stripe sends it (see Stripe’s API reference), ' +
          'verified against the `Stripe-Signature` header with STRIPE_WEBHOOK_SECRET on the raw bytes, ' +
          'including the timestamp tolerance: a missing, wrong or stale signature is a 400 ' +
          '`invalid_signature` and changes nothing. An event id seen before answers 200 with ' +
          '`duplicate: true` and does nothing. Handled: `payment_intent.succeeded` (places the order ' +
          'of the draft in `metadata.checkoutId` unless the client’s completion already did: one order ' +
          'either way; if the stock or a price changed meanwhile, the payment is refunded automatically ' +
          'and the customer emailed), `payment_intent.payment_failed` (recorded; the draft stays open), ' +
          '`charge.refunded` (order → `refunded` or `partially_refunded` with the charge’s refunded ' +
          'amount). Other types are acknowledged and ignored. 404 when PAYMENT_PROVIDER is not stripe.',
        headers: z.looseObject({ 'stripe-signature': z.string().max(2000).optional() }),
        response: { 200: webhookAckSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const event = verify(request);
      const audit = auditFor(request);
      const mails: MailMessage[] = [];
      const duplicate = await app.db.transaction(async (tx) => {
        const [fresh] = await tx
          .insert(schema.paymentEvents)
          .values({ provider: 'stripe', eventId: event.id, type: event.type, receivedAt: app.clock() })
          .onConflictDoNothing()
          .returning();
        if (!fresh) return true;
        switch (event.type) {
          case 'payment_intent.succeeded':
            await onSucceeded(event.data.object, tx, audit, auditEntryFor(request), mails);
            break;
          case 'payment_intent.payment_failed':
            await onFailed(event.data.object, tx, audit);
            break;
          case 'charge.refunded':
            await onRefunded(event.data.object, tx, audit);
            break;
        }
        return false;
      });
      for (const mail of mails) app.outbox.send(mail);
      return { received: true as const, duplicate };
    },
  );

  async function onSucceeded(
    intent: Stripe.PaymentIntent,
    tx: Database,
    audit: AuditFn,
    auditEntry: AuditEntryFn,
    mails: MailMessage[],
  ) {
    const checkoutId = intent.metadata?.checkoutId;
    if (!checkoutId || !UUID.test(checkoutId)) return;
    try {
      await orders.placeForPayment(checkoutId, auditEntry, tx);
    } catch (error) {
      // A refusal (stock gone, price or amount changed, draft gone): the money goes back. Anything else
      // (database down…) rolls back the event too, so Stripe's retry tries again.
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const refund = await app.payments.refund(
        { id: checkoutId, paymentIntentId: intent.id },
        intent.amount_received || intent.amount,
        `auto-refund:${intent.id}`,
      );
      // The refunded intent must never place an order later (Stripe keeps it `succeeded`): the buyer
      // starts the payment step again, with a fresh intent (see the attempt in the idempotency key).
      await tx
        .update(schema.checkouts)
        .set({ step: 'payment', paymentIntentId: null, paymentProvider: null, updatedAt: app.clock() })
        .where(and(eq(schema.checkouts.id, checkoutId), eq(schema.checkouts.paymentIntentId, intent.id)));
      await audit(
        'payment.auto_refunded',
        {
          targetType: 'checkout',
          targetId: checkoutId,
          details: {
            intentId: intent.id,
            amountCents: intent.amount,
            reason: error.code,
            refund: refund.reference,
          },
        },
        tx,
      );
      const [draft] = await tx.select().from(schema.checkouts).where(eq(schema.checkouts.id, checkoutId));
      const email =
        draft?.guestEmail ??
        (draft?.userId
          ? (
              await tx
                .select({ email: schema.users.email })
                .from(schema.users)
                .where(eq(schema.users.id, draft.userId))
            )[0]?.email
          : undefined);
      if (email) mails.push(autoRefundMail(email));
    }
  }

  async function onFailed(intent: Stripe.PaymentIntent, tx: Database, audit: AuditFn) {
    const checkoutId = intent.metadata?.checkoutId;
    if (!checkoutId || !UUID.test(checkoutId)) return;
    await audit(
      'payment.failed',
      {
        targetType: 'checkout',
        targetId: checkoutId,
        details: { intentId: intent.id, code: intent.last_payment_error?.code ?? null },
      },
      tx,
    );
  }

  async function onRefunded(charge: Stripe.Charge, tx: Database, audit: AuditFn) {
    const intentId =
      typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
    if (!intentId) return;
    const { orders: table } = schema;
    const [order] = await tx.select().from(table).where(eq(table.paymentIntentId, intentId)).for('update');
    if (!order) return;
    const refundedCents = Math.min(charge.amount_refunded, order.totalCents);
    // Monotonic: an admin refund may already have recorded this amount (or more).
    if (refundedCents <= order.refundedCents) return;
    const status = refundedCents >= order.totalCents ? 'refunded' : 'partially_refunded';
    const now = app.clock();
    await tx
      .update(table)
      .set({ refundedCents, status, updatedAt: now })
      .where(and(eq(table.id, order.id), lt(table.refundedCents, refundedCents)));
    await tx.insert(schema.orderEvents).values({
      orderId: order.id,
      status,
      at: now,
      note: `Refund of ${refundedCents} cents recorded by Stripe`,
    });
    await audit(
      'order.refunded',
      {
        targetType: 'order',
        targetId: order.id,
        details: { number: order.number, refundedCents, source: 'stripe' },
      },
      tx,
    );
  }
};
