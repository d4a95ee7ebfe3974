import type { Checkout } from '@securecart/contract';
import { type FormEvent, useState } from 'react';
import { ErrorState } from '../../../components/error-state.tsx';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { formErrorMessage } from '../../../lib/form-errors.ts';
import { formatMoney } from '../../catalog/utils/money.ts';
import { useShippingMethods } from '../api/list-shipping-methods.ts';
import { useSetCheckoutShipping } from '../api/set-shipping.ts';

interface ShippingStepProps {
  draft: Checkout;
  onSaved: (draft: Checkout) => void;
}

export function ShippingStep({ draft, onSaved }: ShippingStepProps) {
  const methods = useShippingMethods(draft.id);
  const save = useSetCheckoutShipping(draft.id);
  const [chosen, setChosen] = useState(draft.shippingMethodId ?? '');
  const [error, setError] = useState<string>();

  if (methods.isPending) return <LoadingState label="Loading shipping methods…" />;
  if (methods.isError) {
    return (
      <ErrorState
        title="Shipping methods could not be loaded"
        error={methods.error}
        onRetry={() => methods.refetch()}
      />
    );
  }
  const items = methods.data.items;
  const selected = items.some((method) => method.id === chosen) ? chosen : (items[0]?.id ?? '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!selected) {
      setError('Choose a shipping method.');
      return;
    }
    save.mutate(selected, {
      onSuccess: onSaved,
      onError: (failure) => setError(formErrorMessage(failure)),
    });
  };

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-labelledby="checkout-step-title">
      <h2 id="checkout-step-title" tabIndex={-1}>
        Shipping method
      </h2>
      <FormNotice tone="error">{error}</FormNotice>
      <fieldset className="fieldset">
        <legend>Delivery</legend>
        {items.length === 0 && <p>No shipping method is available for this order.</p>}
        {items.map((method) => {
          const price =
            method.priceCents === 0 ? 'free' : formatMoney(method.priceCents, draft.summary.currency);
          const days = `${method.estimatedDays} ${method.estimatedDays === 1 ? 'day' : 'days'}`;
          return (
            <label key={method.id} className="choice">
              <input
                type="radio"
                name="shippingMethod"
                value={method.id}
                checked={selected === method.id}
                onChange={() => setChosen(method.id)}
              />
              {`${method.name}, ${price}, ${days}`}
            </label>
          );
        })}
      </fieldset>
      <div className="form__actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Continue to payment
        </SubmitButton>
      </div>
    </form>
  );
}
