import { type FormEvent, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { PasswordField } from '../../../components/form/password-field.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { type FieldErrors, fieldErrorsFrom, formErrorMessage } from '../../../lib/form-errors.ts';
import { useChangeEmail } from '../api/change-email.ts';

const LABELS = { newEmail: 'New email', currentPassword: 'Current password' };

/** The change takes effect from the link sent to the new address; the old one gets a notice. */
export function ChangeEmailForm({ currentEmail }: { currentEmail: string }) {
  const change = useChangeEmail();
  const [newEmail, setNewEmail] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const found: FieldErrors = {};
    if (!newEmail.trim()) found.newEmail = 'Enter the new email address.';
    else if (newEmail.trim().toLowerCase() === currentEmail.toLowerCase())
      found.newEmail = 'This is already your email address.';
    if (!currentPassword) found.currentPassword = 'Enter your current password.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { newEmail: newEmail.trim(), currentPassword },
      {
        onSuccess() {
          setSentTo(newEmail.trim());
          setNewEmail('');
          setCurrentPassword('');
        },
        onError(error) {
          setErrors(fieldErrorsFrom(error, LABELS));
          setFormError(formErrorMessage(error));
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Change email">
      <p className="form__intro">
        Your email address is <strong>{currentEmail}</strong>.
      </p>
      <FormNotice tone="error">{formError}</FormNotice>
      {sentTo && (
        <FormNotice tone="success">
          Check your new inbox: we sent a confirmation link to <strong>{sentTo}</strong>. Your email address
          changes once you open it.
        </FormNotice>
      )}
      <TextField
        label="New email"
        type="email"
        name="newEmail"
        autoComplete="email"
        inputMode="email"
        value={newEmail}
        onChange={(event) => setNewEmail(event.target.value)}
        error={errors.newEmail}
      />
      <PasswordField
        label="Current password"
        name="current-password-email"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        error={errors.currentPassword}
      />
      <div>
        <SubmitButton pending={change.isPending} pendingLabel="Sending…">
          Change email
        </SubmitButton>
      </div>
    </form>
  );
}
