import { MAX_PRODUCT_STOCK, type StockAdjustment } from '@securecart/contract';
import { type FormEvent, useId, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { type FieldErrors, fieldErrorsFrom, formErrorMessage } from '../../../lib/form-errors.ts';
import { parseWholeNumber } from '../utils/whole-number.ts';
import { ReasonField } from './reason-field.tsx';

interface StockAdjustmentFormProps {
  stock: number;
  pending: boolean;
  error: unknown;
  onAdjust: (adjustment: StockAdjustment) => void;
}

const LABELS = { delta: 'Change', reason: 'Reason' };

/** A delivery (+), a breakage or a count (−), always with a reason for the audit log. Keyed like the image form. */
export function StockAdjustmentForm({ stock, pending, error, onAdjust }: StockAdjustmentFormProps) {
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const headingId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseWholeNumber(delta, 'Change', { min: -stock, max: MAX_PRODUCT_STOCK });
    const found: FieldErrors = {};
    if (parsed.error) found.delta = parsed.error;
    else if (parsed.value === 0) found.delta = 'Change must not be 0.';
    if (!reason.trim()) found.reason = 'Reason is required.';
    setErrors(found);
    if (Object.keys(found).length > 0 || parsed.value === undefined) return;
    onAdjust({ delta: parsed.value, reason: reason.trim() });
  };

  const serverErrors = fieldErrorsFrom(error, LABELS);
  return (
    <form className="form" aria-labelledby={headingId} noValidate onSubmit={submit}>
      <h2 id={headingId}>Adjust stock</h2>
      <p className="muted">In stock now: {stock}</p>
      {error ? <FormNotice tone="error">{formErrorMessage(error)}</FormNotice> : null}
      <div className="form__grid">
        <TextField
          label="Change"
          inputMode="numeric"
          hint="Units to add, or a negative number to remove, e.g. 12 or -3."
          value={delta}
          onChange={(e) => setDelta(e.target.value)}
          error={errors.delta ?? serverErrors.delta}
        />
        <ReasonField value={reason} onChange={setReason} error={errors.reason ?? serverErrors.reason} />
      </div>
      <div className="form__actions">
        <SubmitButton pending={pending} pendingLabel="Adjusting…">
          Adjust stock
        </SubmitButton>
      </div>
    </form>
  );
}
