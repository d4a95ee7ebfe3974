import type { ComponentProps } from 'react';
import { TextField } from '../../../components/form/text-field.tsx';

type MoneyInputProps = Omit<ComponentProps<typeof TextField>, 'type' | 'inputMode'> & {
  /** ISO 4217; shown beside the label so the unit is never guessed. */
  currency: string;
};

/**
 * A money box: the admin types the amount in the currency ("12.50"); `parseMoney` turns it into
 * integer cents for the API. Text, not type=number, so "12.50" is never rewritten to 12.5.
 */
export function MoneyInput({ currency, label, ...input }: MoneyInputProps) {
  return (
    <TextField
      label={`${label} (${currency})`}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      placeholder="0.00"
      {...input}
    />
  );
}
