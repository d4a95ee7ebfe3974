import type { ShipOrder } from '@securecart/contract';
import { type FormEvent, useId, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { type FieldErrors, fieldErrorsFrom, formErrorMessage } from '../../../lib/form-errors.ts';

const LABELS = { carrier: 'Carrier', trackingNumber: 'Tracking number' };

export function ShipOrderForm({
  pending,
  error,
  onShip,
}: {
  pending: boolean;
  error: unknown;
  onShip: (body: ShipOrder) => void;
}) {
  const [carrier, setCarrier] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const headingId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!carrier.trim()) found.carrier = 'Carrier is required.';
    if (!trackingNumber.trim()) found.trackingNumber = 'Tracking number is required.';
    setErrors(found);
    if (Object.keys(found).length === 0)
      onShip({ carrier: carrier.trim(), trackingNumber: trackingNumber.trim() });
  };

  const serverErrors = fieldErrorsFrom(error, LABELS);
  return (
    <form className="form" aria-labelledby={headingId} noValidate onSubmit={submit}>
      <h2 id={headingId}>Mark as shipped</h2>
      {error ? <FormNotice tone="error">{formErrorMessage(error)}</FormNotice> : null}
      <TextField
        label="Carrier"
        value={carrier}
        maxLength={100}
        onChange={(e) => setCarrier(e.target.value)}
        error={errors.carrier ?? serverErrors.carrier}
      />
      <TextField
        label="Tracking number"
        value={trackingNumber}
        maxLength={100}
        onChange={(e) => setTrackingNumber(e.target.value)}
        error={errors.trackingNumber ?? serverErrors.trackingNumber}
      />
      <div className="form__actions">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Mark as shipped
        </SubmitButton>
      </div>
    </form>
  );
}
