import { type FormEvent, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { PasswordField } from '../../../components/form/password-field.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { type FieldErrors, fieldErrorsFrom, formErrorMessage } from '../../../lib/form-errors.ts';
import { meetsPasswordRules } from '../../../lib/password-rules.ts';
import { useChangePassword } from '../api/change-password.ts';

const LABELS = { currentPassword: 'Current password', newPassword: 'New password' };

export function ChangePasswordForm() {
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    setDone(false);
    const found: FieldErrors = {};
    if (!currentPassword) found.currentPassword = 'Enter your current password.';
    if (!meetsPasswordRules(newPassword))
      found.newPassword = 'New password must meet every requirement in the list.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess() {
          setDone(true);
          setCurrentPassword('');
          setNewPassword('');
        },
        onError(error) {
          setErrors(fieldErrorsFrom(error, LABELS));
          setFormError(formErrorMessage(error));
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Change password">
      <FormNotice tone="error">{formError}</FormNotice>
      {done && (
        <FormNotice tone="success">
          Your password has been changed. Your other devices have been signed out.
        </FormNotice>
      )}
      <PasswordField
        label="Current password"
        name="current-password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        error={errors.currentPassword}
      />
      <PasswordField
        label="New password"
        name="new-password"
        autoComplete="new-password"
        showRules
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        error={errors.newPassword}
      />
      <div>
        <SubmitButton pending={change.isPending} pendingLabel="Changing…">
          Change password
        </SubmitButton>
      </div>
    </form>
  );
}
