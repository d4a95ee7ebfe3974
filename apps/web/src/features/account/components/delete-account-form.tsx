import { type FormEvent, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { PasswordField } from '../../../components/form/password-field.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { formErrorMessage } from '../../../lib/form-errors.ts';
import { useDeleteAccount } from '../api/delete-account.ts';

export const DELETE_CONFIRMATION = 'DELETE';

/** GDPR erasure. The password and a typed word make sure it is deliberate. */
export function DeleteAccountForm({ onDeleted }: { onDeleted: () => void }) {
  const deleteAccount = useDeleteAccount();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      password: password ? undefined : 'Enter your current password.',
      confirmation:
        confirmation.trim() === DELETE_CONFIRMATION ? undefined : `Type ${DELETE_CONFIRMATION} to confirm.`,
    };
    setErrors(found);
    if (found.password || found.confirmation) return;
    deleteAccount.mutate(password, { onSuccess: onDeleted });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Delete my account">
      <p>
        This erases your profile, addresses, wishlist and sign-in details and signs you out everywhere. Orders
        are kept for accounting, without your name or contact details. <strong>It cannot be undone.</strong>
      </p>
      {deleteAccount.isError && <FormNotice tone="error">{formErrorMessage(deleteAccount.error)}</FormNotice>}
      <PasswordField
        label="Current password"
        name="current-password-delete"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <TextField
        label={`Type ${DELETE_CONFIRMATION} to confirm`}
        name="confirmation"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
        error={errors.confirmation}
      />
      <div>
        <SubmitButton
          pending={deleteAccount.isPending}
          pendingLabel="Deleting…"
          className="button button--danger"
        >
          Delete my account
        </SubmitButton>
      </div>
    </form>
  );
}
