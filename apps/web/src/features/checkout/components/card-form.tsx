import { type FormEvent, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import type { FieldErrors } from '../../../lib/form-errors.ts';

const compact = (value: string) => value.replace(/[\s-]/g, '');

/** The Luhn checksum every card number carries: catches a mistyped digit before the server does. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function validateCard(card: { number: string; expiry: string; cvc: string }, now = new Date()): FieldErrors {
  const errors: FieldErrors = {};
  const number = compact(card.number);
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) {
    errors.number = 'Enter the card number as it is printed on the card.';
  }
  const expiry = /^(\d{2})\s*\/\s*(\d{2})$/.exec(card.expiry.trim());
  const month = Number(expiry?.[1]);
  if (!expiry || month < 1 || month > 12) {
    errors.expiry = 'Enter the expiry date as MM/YY, e.g. 04/29.';
  } else {
    // A card is valid until the end of its expiry month.
    const endOfMonth = Date.UTC(2000 + Number(expiry[2]), month, 1);
    if (endOfMonth <= now.getTime()) errors.expiry = 'This card has expired.';
  }
  if (!/^\d{3,4}$/.test(card.cvc.trim())) errors.cvc = 'Enter the 3 or 4 digits on the back of the card.';
  return errors;
}

interface CardFormProps {
  /** The checked card number, kept in memory only until the order is placed. */
  onReady: (cardNumber: string) => void;
  notice?: string;
}

/**
 * The simulated provider's card form. The fields live in component state only: never logged,
 * never stored, never part of the autosave.
 */
export function CardForm({ onReady, notice }: CardFormProps) {
  const [card, setCard] = useState({ number: '', expiry: '', cvc: '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = (field: keyof typeof card) => (event: { target: { value: string } }) =>
    setCard((current) => ({ ...current, [field]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCard(card);
    setErrors(found);
    if (Object.keys(found).length === 0) onReady(compact(card.number));
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="checkout-step-title">
      <h2 id="checkout-step-title" tabIndex={-1}>
        Payment
      </h2>
      <FormNotice tone="error">{notice}</FormNotice>
      <TextField
        label="Card number"
        name="cardnumber"
        autoComplete="cc-number"
        inputMode="numeric"
        value={card.number}
        onChange={set('number')}
        error={errors.number}
      />
      <div className="form__grid">
        <TextField
          label="Expiry date"
          name="cc-exp"
          autoComplete="cc-exp"
          inputMode="numeric"
          placeholder="MM/YY"
          value={card.expiry}
          onChange={set('expiry')}
          error={errors.expiry}
          hint="MM/YY"
        />
        <TextField
          label="CVC"
          name="cvc"
          autoComplete="cc-csc"
          inputMode="numeric"
          value={card.cvc}
          onChange={set('cvc')}
          error={errors.cvc}
        />
      </div>
      <div className="form__actions">
        <SubmitButton pending={false} pendingLabel="">
          Continue to review
        </SubmitButton>
      </div>
    </form>
  );
}
