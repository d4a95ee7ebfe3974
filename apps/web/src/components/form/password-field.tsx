import { type InputHTMLAttributes, useId, useState } from 'react';
import { meetsPasswordRules, PASSWORD_MAX_LENGTH, PASSWORD_RULES } from '../../lib/password-rules.ts';
import { type FieldChromeProps, FieldLabel, FieldMessages, useFieldIds } from './text-field.tsx';

type PasswordFieldProps = Omit<FieldChromeProps, 'optional'> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type' | 'value'> & {
    value: string;
    /** A new password: show the rules, ticking each off as it is met. */
    showRules?: boolean;
  };

/** A password input with a Show toggle and, for new passwords, the live rule checklist. */
export function PasswordField({
  label,
  hint,
  error,
  className,
  showRules,
  value,
  ...input
}: PasswordFieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, error);
  const rulesId = useId();
  const [visible, setVisible] = useState(false);
  const describedByAll =
    [showRules ? rulesId : undefined, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <FieldLabel htmlFor={id} label={label} />
      <div className="password-input">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByAll}
          required
          maxLength={showRules ? PASSWORD_MAX_LENGTH * 2 : 1024}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          {...input}
        />
        <button
          type="button"
          className="password-input__toggle"
          aria-label={`Show ${label.toLowerCase()}`}
          aria-pressed={visible}
          onClick={() => setVisible((shown) => !shown)}
        >
          {visible ? 'Hide' : 'Show'}
        </button>
      </div>
      {showRules && <PasswordChecklist id={rulesId} password={value} />}
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}

function PasswordChecklist({ id, password }: { id: string; password: string }) {
  const allMet = meetsPasswordRules(password);
  return (
    <div id={id} className="password-rules">
      <p className="password-rules__title">Your password needs:</p>
      <ul aria-label="Password requirements">
        {PASSWORD_RULES.map((rule) => {
          const met = rule.test(password);
          return (
            <li key={rule.id} className={met ? 'password-rules__rule is-met' : 'password-rules__rule'}>
              <span className="password-rules__mark" aria-hidden="true">
                {met ? '✓' : ''}
              </span>
              {rule.label}
              <span className="visually-hidden">{met ? ' (done)' : ' (still needed)'}</span>
            </li>
          );
        })}
      </ul>
      {/* Announced once when the last rule is met, rather than on every keystroke. */}
      <p className="visually-hidden" aria-live="polite">
        {allMet ? 'All password requirements are met.' : ''}
      </p>
    </div>
  );
}
