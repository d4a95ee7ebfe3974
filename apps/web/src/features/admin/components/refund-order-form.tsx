import type { AdminOrder, RefundOrder } from '@securecart/contract';
import { type FormEvent, useId, useState } from 'react';
import { type FieldErrors, fieldErrorsFrom } from '../../../lib/form-errors.ts';
import { ConfirmDialog } from '../../backoffice/components/confirm-dialog.tsx';
import { MoneyInput } from '../../backoffice/components/money-input.tsx';
import { ReasonField } from '../../backoffice/components/reason-field.tsx';
import { formatMoney, parseMoney } from '../../backoffice/utils/money.ts';

interface RefundOrderFormProps {
  order: AdminOrder;
  pending: boolean;
  /** The API's refusal (e.g. 422, more than what remains): shown in the confirmation. */
  error: unknown;
  /** Called once the admin confirmed; `amountCents` is absent for "everything that remains". */
  onRefund: (body: RefundOrder, idempotencyKey: string) => void;
  onCancel: () => void;
}

const LABELS = { amountCents: 'Amount', reason: 'Reason' };

/**
 * A full or partial refund. The amount is typed in the currency and sent as integer cents; more
 * than what remains is refused here and, should the order have changed meanwhile, by the API.
 */
export function RefundOrderForm({ order, pending, error, onRefund, onCancel }: RefundOrderFormProps) {
  const remaining = order.totalCents - order.refundedCents;
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  // Set when the admin asks to refund; one idempotency key per confirmed intent, reused on retry.
  const [request, setRequest] = useState<{ body: RefundOrder; key: string }>();
  const headingId = useId();
  const money = (cents: number) => formatMoney(cents, order.currency);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    const parsed =
      amount.trim() === '' ? undefined : parseMoney(amount, 'Amount', { min: 1, max: remaining });
    if (parsed?.error) found.amountCents = `${parsed.error} ${money(remaining)} can still be refunded.`;
    if (!reason.trim()) found.reason = 'Reason is required.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setRequest({ body: { amountCents: parsed?.cents, reason: reason.trim() }, key: crypto.randomUUID() });
  };

  const serverErrors = fieldErrorsFrom(error, LABELS);
  return (
    <form className="form" aria-labelledby={headingId} noValidate onSubmit={submit}>
      <h2 id={headingId}>Refund</h2>
      <p className="muted">
        Paid {money(order.totalCents)}; refunded so far {money(order.refundedCents)}; {money(remaining)} can
        still be refunded.
      </p>
      <MoneyInput
        label="Amount"
        currency={order.currency}
        optional
        hint="Leave empty to refund everything that remains."
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={errors.amountCents ?? serverErrors.amountCents}
      />
      <ReasonField value={reason} onChange={setReason} error={errors.reason ?? serverErrors.reason} />
      <div className="form__actions">
        <button type="submit" className="button button--danger">
          Refund…
        </button>
      </div>
      {request && (
        <ConfirmDialog
          title={`Refund ${money(request.body.amountCents ?? remaining)}?`}
          confirmLabel="Refund"
          pendingLabel="Refunding…"
          pending={pending}
          error={error}
          onConfirm={() => onRefund(request.body, request.key)}
          onCancel={() => {
            setRequest(undefined);
            onCancel();
          }}
        >
          <p>
            {money(request.body.amountCents ?? remaining)} goes back to {order.customerEmail} for order{' '}
            {order.number}. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
