import { randomUUID } from 'node:crypto';

/** What a provider needs to know about a draft: never card data, only the server-computed amount. */
export interface PaymentDraft {
  id: string;
  totalCents: number;
  currency: string;
  /** The provider's payment (Stripe PaymentIntent id) started for the draft, when there is one. */
  intentId?: string | null;
  /** How many payments of this draft were refunded automatically: a new attempt needs a new intent. */
  attempt?: number;
}

export interface ChargeResult {
  status: 'succeeded' | 'declined';
  reference: string;
  /**
   * Why nothing was placed when the provider does not charge synchronously (stripe): the payment is
   * not confirmed yet (`payment_incomplete`, 402), still processing (409), canceled (402), or belongs
   * to another amount or draft (`payment_mismatch`, 409). Absent → a plain decline (402).
   */
  failure?: 'payment_incomplete' | 'payment_processing' | 'payment_canceled' | 'payment_mismatch';
}

export interface RefundResult {
  status: 'succeeded' | 'failed';
  reference: string;
}

/**
 * One payment provider. `simulated` charges synchronously in-process; `stripe` starts a PaymentIntent
 * that the browser confirms, and `charge` only checks that it succeeded (the webhook may place the
 * order first; see payments/stripe-webhook.ts).
 */
export interface PaymentProvider {
  name: string;
  /** Stripe.js needs it in the browser; only the stripe provider has one. */
  publishableKey?: string;
  start(draft: PaymentDraft): Promise<{ clientSecret?: string; intentId?: string }>;
  charge(draft: PaymentDraft, input: { cardNumber?: string }): Promise<ChargeResult>;
  refund(
    order: { id: string; paymentIntentId: string | null },
    amountCents: number,
    idempotencyKey: string,
  ): Promise<RefundResult>;
}

export const SIMULATED_SUCCESS_CARD = '4242424242424242';
export const SIMULATED_DECLINED_CARD = '4000000000000002';

export interface SimulatedLedgerEntry {
  kind: 'charge' | 'refund';
  draftId?: string;
  orderId?: string;
  amountCents: number;
  status: string;
  reference: string;
}

/**
 * Test cards as in API.md: 4242… succeeds, anything else (4000000000000002 included) is declined.
 * Keeps a ledger of every charge attempt and refund, so tests can assert what was (not) charged.
 */
export function simulatedProvider() {
  const ledger: SimulatedLedgerEntry[] = [];
  const refundKeys = new Map<string, RefundResult>();
  const provider: PaymentProvider & { ledger: SimulatedLedgerEntry[] } = {
    name: 'simulated',
    ledger,
    async start(draft) {
      return { intentId: `sim_pi_${draft.id}` };
    },
    async charge(draft, input) {
      const card = (input.cardNumber ?? '').replace(/[ -]/g, '');
      const status = card === SIMULATED_SUCCESS_CARD ? 'succeeded' : 'declined';
      const reference = `sim_ch_${randomUUID()}`;
      ledger.push({ kind: 'charge', draftId: draft.id, amountCents: draft.totalCents, status, reference });
      return { status, reference };
    },
    async refund(order, amountCents, idempotencyKey) {
      const seen = refundKeys.get(idempotencyKey);
      if (seen) return seen;
      const result: RefundResult = { status: 'succeeded', reference: `sim_re_${randomUUID()}` };
      refundKeys.set(idempotencyKey, result);
      ledger.push({
        kind: 'refund',
        orderId: order.id,
        amountCents,
        status: result.status,
        reference: result.reference,
      });
      return result;
    },
  };
  return provider;
}
