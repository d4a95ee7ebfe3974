import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { type PaymentProvider, simulatedProvider } from '../modules/payments/payment-provider.ts';
import { stripeProvider } from '../modules/payments/stripe-provider.ts';

declare module 'fastify' {
  interface FastifyInstance {
    payments: PaymentProvider;
  }
}

/** Picks the provider named by PAYMENT_PROVIDER. */
export function createPaymentProvider(config: Pick<Config, 'payments'>): PaymentProvider {
  switch (config.payments.provider) {
    case 'simulated':
      return simulatedProvider();
    case 'stripe': {
      const { stripeSecretKey, stripeWebhookSecret, stripePublishableKey, stripeApiBase } = config.payments;
      if (!stripeSecretKey || !stripeWebhookSecret) {
        throw new Error('PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
      }
      return stripeProvider({
        secretKey: stripeSecretKey,
        webhookSecret: stripeWebhookSecret,
        publishableKey: stripePublishableKey,
        apiBase: stripeApiBase,
      });
    }
  }
}

export const paymentsPlugin = fp<{ config: Config; provider?: PaymentProvider }>(
  async (app, { config, provider }) => {
    app.decorate('payments', provider ?? createPaymentProvider(config));
  },
  { name: 'payments' },
);
