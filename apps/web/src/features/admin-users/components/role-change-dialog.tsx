import type { AdminUser } from '@securecart/contract';
import { type FormEvent, useState } from 'react';
import { PasswordField } from '../../../components/form/password-field.tsx';
import { ConfirmDialog } from '../../backoffice/components/confirm-dialog.tsx';
import { ROLE_LABELS } from '../utils/user-labels.ts';

interface RoleChangeDialogProps {
  user: AdminUser;
  role: AdminUser['role'];
  pending: boolean;
  /** The refusal of the last attempt: a wrong password, or the last admin. */
  error: unknown;
  onConfirm: (currentPassword: string) => void;
  onCancel: () => void;
}

/** A role change asks for the acting admin's own password, so a stolen token alone cannot mint admins. */
export function RoleChangeDialog({ user, role, pending, error, onConfirm, onCancel }: RoleChangeDialogProps) {
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();

  const confirm = () => {
    if (!password) {
      setPasswordError('Your password is required to change a role.');
      return;
    }
    setPasswordError(undefined);
    onConfirm(password);
  };
  // Enter in the password box confirms, as the button does.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm();
  };

  return (
    <ConfirmDialog
      title={`Make ${user.name} ${ROLE_LABELS[role].toLowerCase()}?`}
      confirmLabel="Change role"
      pendingLabel="Changing…"
      pending={pending}
      error={error}
      tone={role === 'admin' || user.role === 'admin' ? 'danger' : 'default'}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <p>
        {user.email} goes from {ROLE_LABELS[user.role]} to {ROLE_LABELS[role]}. Their sessions end, so the new
        role applies at their next sign-in.
      </p>
      <form noValidate onSubmit={submit}>
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={passwordError}
        />
      </form>
    </ConfirmDialog>
  );
}
