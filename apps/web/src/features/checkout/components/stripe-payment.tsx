import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { type FormEvent, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { type PayFn, PaymentRefused } from './pay.ts';

// Stripe.js is fetched once per key, and only by shops configured for Stripe (this module is lazy).
const loaded = new Map<string, Promise<Stripe | null>>();
const stripeFor = (publishableKey: string) => {
  let stripe = loaded.get(publishableKey);
  if (!stripe) {
    stripe = loadStripe(publishableKey);
    loaded.set(publishableKey, stripe);
  }
  return stripe;
};

interface StripePaymentProps {
  publishableKey: string;
  clientSecret: string;
  /** Stays mounted (hidden) during review: confirming needs the mounted Payment Element. */
  hidden: boolean;
  onReady: (pay: PayFn) => void;
}

export function StripePayment({ publishableKey, clientSecret, hidden, onReady }: StripePaymentProps) {
  return (
    <Elements stripe={stripeFor(publishableKey)} options={{ clientSecret }}>
      <StripeForm hidden={hidden} onReady={onReady} />
    </Elements>
  );
}

function StripeForm({ hidden, onReady }: Pick<StripePaymentProps, 'hidden' | 'onReady'>) {
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!stripe || !elements) return;
    setPending(true);
    const checked = await elements.submit();
    setPending(false);
    if (checked.error) {
      setError(checked.error.message);
      return;
    }
    setError(undefined);
    onReady({
      label: 'the card you entered',
      body: async () => {
        const confirmed = await stripe.confirmPayment({
          elements,
          redirect: 'if_required',
          confirmParams: { return_url: window.location.href },
        });
        if (confirmed.error)
          throw new PaymentRefused(confirmed.error.message ?? 'The payment did not go through.');
        return {};
      },
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} hidden={hidden} aria-labelledby="stripe-payment-title">
      <h2 id="stripe-payment-title">Payment</h2>
      <FormNotice tone="error">{error}</FormNotice>
      <PaymentElement />
      <div className="form__actions">
        <SubmitButton pending={pending || !stripe} pendingLabel="Checking…">
          Continue to review
        </SubmitButton>
      </div>
    </form>
  );
}
