import { ApiError } from '@securecart/client';
import type { CartChange, Checkout, CompleteCheckoutBody, Order } from '@securecart/contract';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { problemMessage } from '../../../lib/problem-message.ts';
import { AddressLines } from '../../account/components/address-book.tsx';
import { formatMoney } from '../../catalog/utils/money.ts';
import { useCompleteCheckout } from '../api/complete-checkout.ts';
import { type PayFn, PaymentRefused } from './pay.ts';

interface ReviewStepProps {
  draft: Checkout;
  pay: PayFn;
  onPlaced: (order: Order) => void;
  /** Back to the payment step, for another card. */
  onChangePayment: () => void;
  /** Saves the draft again at today's prices and stock, so the shopper can review it once more. */
  onRefresh: () => void;
}

/** One attempt to place the order: its key is reused whenever this very attempt is retried. */
interface Attempt {
  pay: PayFn;
  key: string;
  body?: CompleteCheckoutBody;
}

type Refusal =
  | { kind: 'declined' }
  | { kind: 'changed'; changes: CartChange[] }
  | { kind: 'other'; message: string };

function refusalOf(error: unknown): Refusal {
  if (error instanceof ApiError && error.status === 402 && error.problem.code === 'payment_declined') {
    return { kind: 'declined' };
  }
  if (error instanceof ApiError && error.problem.code === 'cart_changed') {
    const changes = (error.problem as { changes?: CartChange[] }).changes ?? [];
    return { kind: 'changed', changes };
  }
  return { kind: 'other', message: error instanceof PaymentRefused ? error.message : problemMessage(error) };
}

/** A 4xx other than "still in progress" ends the attempt; a lost answer or a 5xx may be retried as is. */
const endsAttempt = (error: unknown) =>
  error instanceof ApiError && error.status < 500 && error.problem.code !== 'idempotency_in_progress';

export function ReviewStep({ draft, pay, onPlaced, onChangePayment, onRefresh }: ReviewStepProps) {
  const complete = useCompleteCheckout(draft.id);
  const attempt = useRef<Attempt>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const money = (cents: number) => formatMoney(cents, draft.summary.currency);

  const placeOrder = async () => {
    setRefusal(undefined);
    if (attempt.current?.pay !== pay) attempt.current = { pay, key: crypto.randomUUID() };
    const current = attempt.current;
    try {
      setConfirming(true);
      // A confirmed payment is not confirmed twice when only the order call is retried.
      current.body ??= await pay.body();
    } catch (error) {
      setRefusal(refusalOf(error));
      return;
    } finally {
      setConfirming(false);
    }
    complete.mutate(
      { body: current.body, idempotencyKey: current.key },
      {
        onSuccess: ({ order }) => onPlaced(order),
        onError: (error) => {
          if (endsAttempt(error)) attempt.current = undefined;
          setRefusal(refusalOf(error));
        },
      },
    );
  };

  const pending = confirming || complete.isPending;
  return (
    <section className="stack" aria-labelledby="checkout-step-title">
      <h2 id="checkout-step-title" tabIndex={-1}>
        Review your order
      </h2>
      {refusal?.kind === 'declined' && (
        <div className="notice notice--error" role="alert">
          <p>Your card was declined. Nothing was charged and your checkout is saved.</p>
          <p>Try again, or use another card.</p>
          <button type="button" className="link-button" onClick={onChangePayment}>
            Use another card
          </button>
        </div>
      )}
      {refusal?.kind === 'changed' && (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>Your order changed since you reviewed it. Nothing was charged.</strong>
          </p>
          <ul>
            {refusal.changes.map((change) => (
              <li key={`${change.productId}-${change.reason}`}>{describeChange(change, money)}</li>
            ))}
          </ul>
          <p>
            <button type="button" className="link-button" onClick={onRefresh}>
              Review the updated order
            </button>{' '}
            or <Link to="/cart">change your cart</Link>.
          </p>
        </div>
      )}
      {refusal?.kind === 'other' && <FormNotice tone="error">{refusal.message}</FormNotice>}
      <div className="card">
        <h3 className="card__title">Shipping to</h3>
        {draft.shippingAddress && <AddressLines address={draft.shippingAddress} />}
        {draft.email && <p>Confirmation to {draft.email}</p>}
        <p>Paying with {pay.label}.</p>
      </div>
      <p>
        Total to pay: <strong>{money(draft.summary.totalCents)}</strong>
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={placeOrder}
          disabled={pending}
          aria-busy={pending || undefined}
        >
          {pending ? 'Placing your order…' : 'Place order'}
        </button>
      </div>
    </section>
  );
}

function describeChange(change: CartChange, money: (cents: number) => string): string {
  switch (change.reason) {
    case 'price_changed':
      return change.before !== undefined && change.after !== undefined
        ? `${change.name}: the price changed from ${money(change.before)} to ${money(change.after)}.`
        : `${change.name}: the price changed.`;
    case 'insufficient_stock':
      return `${change.name}: only ${change.after ?? 0} left in stock.`;
    case 'quantity_changed':
      return `${change.name}: the quantity changed to ${change.after ?? 0}.`;
    case 'unavailable':
      return `${change.name} is no longer available.`;
    case 'added':
      return `${change.name} was added to your cart.`;
  }
}
