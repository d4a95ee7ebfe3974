import type { CompleteCheckoutBody } from '@securecart/contract';

/**
 * How the order will be paid, ready once the payment step is done: `body` confirms the payment
 * where the provider needs it and answers what `complete` sends. Lives in memory only.
 */
export interface PayFn {
  /** For the review: "card ending 4242". */
  label: string;
  body: () => Promise<CompleteCheckoutBody>;
}

/** The simulated provider takes the card number itself. */
export const simulatedCard = (cardNumber: string): PayFn => ({
  label: `card ending ${cardNumber.slice(-4)}`,
  body: async () => ({ cardNumber }),
});

/** The provider refused to confirm the payment (its message is meant for the shopper). */
export class PaymentRefused extends Error {
  override name = 'PaymentRefused';
}
