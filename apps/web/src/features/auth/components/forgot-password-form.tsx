import { type FormEvent, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { formErrorMessage } from '../../../lib/form-errors.ts';
import { useForgotPassword } from '../api/forgot-password.ts';
import '../auth.css';

/** The answer is the same for every address, so nobody learns who has an account. */
export function ForgotPasswordForm() {
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    if (!email.trim()) {
      setFieldError('Enter the email address you signed up with.');
      return;
    }
    setFieldError(undefined);
    forgot.mutate(email.trim(), {
      onSuccess: () => setSentTo(email.trim()),
      onError: (error) => setFormError(formErrorMessage(error)),
    });
  };

  if (sentTo) {
    return (
      <FormNotice tone="success">
        If an account exists for <strong>{sentTo}</strong>, we sent a link to reset the password. It is valid
        for 30 minutes. Check your spam folder if it does not arrive.
      </FormNotice>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Reset your password">
      <FormNotice tone="error">{formError}</FormNotice>
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fieldError}
      />
      <SubmitButton pending={forgot.isPending} pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}
