import type { TextareaHTMLAttributes } from 'react';
import {
  type FieldChromeProps,
  FieldLabel,
  FieldMessages,
  useFieldIds,
} from '../../../components/form/text-field.tsx';

type TextAreaFieldProps = FieldChromeProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

/** TextField's multi-line sibling: same label, hint and error wiring. */
export function TextAreaField({ label, hint, error, optional, className, ...textarea }: TextAreaFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error);
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <FieldLabel htmlFor={id} label={label} optional={optional} />
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required={optional ? undefined : true}
        rows={5}
        {...textarea}
      />
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}
