import type { ApiError } from '@securecart/client';
import type { Checkout, Order, PaymentStarted } from '@securecart/contract';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ErrorState } from '../../../components/error-state.tsx';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { problemCode } from '../../../lib/form-errors.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useCheckout } from '../api/get-checkout.ts';
import { useStartPayment } from '../api/start-payment.ts';
import { AddressStep } from './address-step.tsx';
import { CardForm } from './card-form.tsx';
import { CheckoutProgress, FLOW_STEPS, type FlowStep } from './checkout-progress.tsx';
import { CheckoutSummary } from './checkout-summary.tsx';
import { type PayFn, simulatedCard } from './pay.ts';
import { ReviewStep } from './review-step.tsx';
import { ShippingStep } from './shipping-step.tsx';
import '../checkout.css';

// Stripe.js and its React bindings load only when the shop answers with a publishable key.
const StripePayment = lazy(() =>
  import('./stripe-payment.tsx').then((module) => ({ default: module.StripePayment })),
);

interface CheckoutFlowProps {
  /** Undefined until a draft is started: by a guest's email, or a member's first edit or save. */
  draft: Checkout | undefined;
  guest: boolean;
  onDraftStarted: (draft: Checkout) => void;
  onPlaced: (order: Order, draft: Checkout) => void;
}

/** The payment details live in memory only, so a reloaded review asks for them again. */
const firstView = (draft: Checkout | undefined): FlowStep =>
  !draft || draft.step === 'complete' ? 'address' : draft.step === 'review' ? 'payment' : draft.step;

const isFlowStep = (step: unknown): step is FlowStep => FLOW_STEPS.includes(step as FlowStep);

export function CheckoutFlow({ draft: initial, guest, onDraftStarted, onPlaced }: CheckoutFlowProps) {
  const live = useCheckout(initial?.id);
  const draft = live.data ?? initial;
  const [view, setView] = useState<FlowStep>(() => firstView(initial));
  const [pay, setPay] = useState<PayFn>();
  const [payment, setPayment] = useState<PaymentStarted>();
  const [notice, setNotice] = useState<string>();
  const startPayment = useStartPayment(draft?.id ?? '');
  const { mutate: beginPayment } = startPayment;

  const goTo = (step: FlowStep) => {
    setNotice(undefined);
    setView(step);
  };

  // Entering the payment step starts payment on the server (and saves the draft at live prices).
  const paymentDraftId = view === 'payment' ? draft?.id : undefined;
  // Read when payment fails, not a reason to start payment again.
  const draftStep = useRef(draft?.step);
  draftStep.current = draft?.step;
  useEffect(() => {
    if (!paymentDraftId) return;
    setPay(undefined);
    beginPayment(undefined, {
      onSuccess: setPayment,
      onError(error) {
        if (problemCode(error) !== 'checkout_step_out_of_order') return;
        // An earlier step needs doing again (e.g. the shipping method no longer fits the order).
        const named = (error as ApiError).problem as { step?: unknown };
        const step = isFlowStep(named.step) && named.step !== 'payment' ? named.step : undefined;
        setNotice(problemMessage(error));
        setView(step ?? (draftStep.current === 'address' ? 'address' : 'shipping'));
      },
    });
  }, [paymentDraftId, beginPayment]);

  const shown: FlowStep = view === 'review' && !pay ? 'payment' : view;
  // Each new step's heading takes the focus, so keyboard and screen-reader users start there.
  const focusedStep = useRef(shown);
  useEffect(() => {
    if (focusedStep.current === shown) return;
    focusedStep.current = shown;
    document.getElementById('checkout-step-title')?.focus();
  }, [shown]);

  const stripe = payment?.publishableKey && payment.clientSecret ? payment : undefined;

  const refresh = () => {
    if (stripe) goTo('payment');
    else beginPayment(undefined, { onSuccess: setPayment });
  };

  const stepContent = () => {
    if (shown === 'address' || !draft) {
      return (
        <AddressStep
          draft={draft}
          guest={guest}
          onDraftStarted={onDraftStarted}
          onSaved={() => goTo('shipping')}
        />
      );
    }
    if (shown === 'shipping') return <ShippingStep draft={draft} onSaved={() => goTo('payment')} />;
    if (shown === 'review' && pay) {
      return (
        <ReviewStep
          draft={draft}
          pay={pay}
          onPlaced={(order) => onPlaced(order, draft)}
          onChangePayment={() => goTo('payment')}
          onRefresh={refresh}
        />
      );
    }
    if (startPayment.isError) {
      return (
        <ErrorState
          title="Payment could not be started"
          error={startPayment.error}
          onRetry={() => beginPayment(undefined, { onSuccess: setPayment })}
        />
      );
    }
    if (startPayment.isPending || !payment) return <LoadingState label="Preparing payment…" />;
    if (stripe) return null;
    return (
      <CardForm
        onReady={(cardNumber) => {
          setPay(simulatedCard(cardNumber));
          goTo('review');
        }}
      />
    );
  };

  return (
    <div className="checkout">
      <CheckoutProgress current={shown} onGoBack={goTo} />
      <div className="checkout__layout">
        <div className="checkout__step">
          <FormNotice tone="error">{notice}</FormNotice>
          {stepContent()}
          {stripe?.publishableKey && stripe.clientSecret && (
            <Suspense fallback={<LoadingState label="Loading the payment form…" />}>
              <StripePayment
                key={stripe.clientSecret}
                publishableKey={stripe.publishableKey}
                clientSecret={stripe.clientSecret}
                hidden={shown !== 'payment'}
                onReady={(ready) => {
                  setPay(ready);
                  goTo('review');
                }}
              />
            </Suspense>
          )}
        </div>
        {draft && <CheckoutSummary summary={draft.summary} />}
      </div>
    </div>
  );
}
