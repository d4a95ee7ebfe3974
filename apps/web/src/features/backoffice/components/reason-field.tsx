import { TextField } from '../../../components/form/text-field.tsx';

interface ReasonFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** The "Reason" box of an audited change (a refund, a stock adjustment): the API takes 1 to 500 characters. */
export function ReasonField({ value, onChange, error }: ReasonFieldProps) {
  return (
    <TextField
      label="Reason"
      value={value}
      maxLength={500}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}
