import Stripe from 'stripe';
import type { ChargeResult, PaymentProvider } from './payment-provider.ts';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  publishableKey: string | undefined;
  /** e.g. `http://127.0.0.1:12111` for stripe-mock or the tests' local fake; unset → Stripe's own. */
  apiBase: string | undefined;
}

/** The SDK client, pointed at STRIPE_API_BASE when set; one network retry (idempotency keys make it safe). */
export function stripeClient(settings: Pick<StripeSettings, 'secretKey' | 'apiBase'>): Stripe {
  const base = settings.apiBase ? new URL(settings.apiBase) : undefined;
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 1,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === 'http:' ? 80 : 443),
          protocol: base.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
}

/** How a PaymentIntent status maps onto the completion call (anything but `succeeded` places nothing). */
function notYet(status: Stripe.PaymentIntent.Status): ChargeResult['failure'] {
  if (status === 'processing') return 'payment_processing';
  if (status === 'canceled') return 'payment_canceled';
  return 'payment_incomplete';
}

/**
 * The `stripe` provider. `start` creates a PaymentIntent for the server-computed total with the
 * idempotency key `checkout:<draft>:<totalCents>` (the same draft and amount reuse one intent); the
 * browser confirms it with Stripe.js, so card data never reaches this server. `charge` does not charge:
 * it retrieves the intent and reports `succeeded` only when Stripe says so for this draft, amount and
 * currency.
 */
export function stripeProvider(settings: StripeSettings) {
  const stripe = stripeClient(settings);
  const provider: PaymentProvider & { stripe: Stripe; webhookSecret: string } = {
    name: 'stripe',
    stripe,
    webhookSecret: settings.webhookSecret,
    publishableKey: settings.publishableKey,
    async start(draft) {
      const intent = await stripe.paymentIntents.create(
        {
          amount: draft.totalCents,
          currency: draft.currency.toLowerCase(),
          metadata: { checkoutId: draft.id },
          automatic_payment_methods: { enabled: true },
        },
        {
          idempotencyKey: `checkout:${draft.id}:${draft.totalCents}${draft.attempt ? `:retry${draft.attempt}` : ''}`,
        },
      );
      return { intentId: intent.id, clientSecret: intent.client_secret ?? undefined };
    },
    async charge(draft) {
      if (!draft.intentId) return { status: 'declined', reference: '', failure: 'payment_incomplete' };
      const intent = await stripe.paymentIntents.retrieve(draft.intentId);
      if (
        intent.metadata?.checkoutId !== draft.id ||
        intent.amount !== draft.totalCents ||
        intent.currency !== draft.currency.toLowerCase()
      ) {
        return { status: 'declined', reference: intent.id, failure: 'payment_mismatch' };
      }
      if (intent.status !== 'succeeded') {
        return { status: 'declined', reference: intent.id, failure: notYet(intent.status) };
      }
      return { status: 'succeeded', reference: intent.id };
    },
    async refund(order, amountCents, idempotencyKey) {
      if (!order.paymentIntentId) return { status: 'failed', reference: '' };
      const refund = await stripe.refunds.create(
        { payment_intent: order.paymentIntentId, amount: amountCents },
        { idempotencyKey },
      );
      return {
        status: refund.status === 'failed' || refund.status === 'canceled' ? 'failed' : 'succeeded',
        reference: refund.id,
      };
    },
  };
  return provider;
}
export type StripeProvider = ReturnType<typeof stripeProvider>;
