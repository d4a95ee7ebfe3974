import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { PasswordField } from '../../../components/form/password-field.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import {
  type FieldErrors,
  fieldErrorsFrom,
  formErrorMessage,
  problemCode,
} from '../../../lib/form-errors.ts';
import { meetsPasswordRules } from '../../../lib/password-rules.ts';
import { useResetPassword } from '../api/reset-password.ts';
import '../auth.css';

const LABELS = { newPassword: 'New password' };

export function ResetPasswordForm({ token, onReset }: { token: string; onReset: () => void }) {
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [linkInvalid, setLinkInvalid] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    if (!meetsPasswordRules(password)) {
      setErrors({ newPassword: 'New password must meet every requirement in the list.' });
      return;
    }
    setErrors({});
    reset.mutate(
      { token, newPassword: password },
      {
        onSuccess: onReset,
        onError(error) {
          if (problemCode(error) === 'invalid_token') {
            setLinkInvalid(true);
            return;
          }
          setErrors(fieldErrorsFrom(error, LABELS));
          setFormError(formErrorMessage(error));
        },
      },
    );
  };

  if (linkInvalid) return <InvalidResetLink />;

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Choose a new password">
      <FormNotice tone="error">{formError}</FormNotice>
      <PasswordField
        label="New password"
        name="new-password"
        autoComplete="new-password"
        showRules
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.newPassword}
      />
      <p className="form__intro">Saving it signs you out on every device.</p>
      <SubmitButton pending={reset.isPending} pendingLabel="Saving…">
        Save new password
      </SubmitButton>
    </form>
  );
}

export function InvalidResetLink() {
  return (
    <div className="stack">
      <FormNotice tone="error">This reset link is invalid, was already used or has expired.</FormNotice>
      <Link className="button" to="/forgot-password">
        Request a new link
      </Link>
    </div>
  );
}
