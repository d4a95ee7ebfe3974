import type { AdminUser } from '@securecart/contract';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { SelectField } from '../../../components/form/select-field.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useAdminUser } from '../../../features/admin-users/api/get-user.ts';
import { useRevokeUserSessions } from '../../../features/admin-users/api/revoke-sessions.ts';
import { useSendPasswordReset } from '../../../features/admin-users/api/send-password-reset.ts';
import { useUpdateUser } from '../../../features/admin-users/api/update-user.ts';
import { RoleChangeDialog } from '../../../features/admin-users/components/role-change-dialog.tsx';
import {
  accountStatus,
  formatDay,
  isRole,
  ROLE_LABELS,
  ROLE_OPTIONS,
} from '../../../features/admin-users/utils/user-labels.ts';
import { useAuth } from '../../../features/auth/session/auth-context.ts';
import { BackofficePage } from '../../../features/backoffice/components/backoffice-page.tsx';
import { ConfirmDialog } from '../../../features/backoffice/components/confirm-dialog.tsx';
import { useToast } from '../../../features/backoffice/components/toasts.tsx';
import { isNotFound } from '../../../lib/is-not-found.ts';

export function UserDetailPage() {
  const { id = '' } = useParams();
  const user = useAdminUser(id);
  if (user.isPending) return <LoadingState label="Loading the account…" />;
  if (user.error) {
    if (isNotFound(user.error)) {
      return (
        <BackofficePage title="User not found">
          <p>
            There is no account at this address. <Link to="/admin/users">Back to the users</Link>
          </p>
        </BackofficePage>
      );
    }
    return (
      <ErrorState title="The account could not be loaded" error={user.error} onRetry={() => user.refetch()} />
    );
  }
  return <UserDetail user={user.data} />;
}

type Pending = { kind: 'role'; role: AdminUser['role'] } | { kind: 'lock' | 'unlock' | 'reset' | 'revoke' };

/** What an admin sees of an account: never a password, secret or token (the API sends none). */
function UserDetail({ user }: { user: AdminUser }) {
  const { user: me } = useAuth();
  const isMe = me?.id === user.id;
  const update = useUpdateUser(user.id);
  const reset = useSendPasswordReset(user.id);
  const revoke = useRevokeUserSessions(user.id);
  const toast = useToast();
  const [role, setRole] = useState(user.role);
  const [roleError, setRoleError] = useState<string>();
  const [pending, setPending] = useState<Pending>();

  const close = () => {
    update.reset();
    reset.reset();
    revoke.reset();
    setPending(undefined);
  };
  const done = (message: string) => () => {
    close();
    toast.show(message);
  };

  const chooseRole = (event: FormEvent) => {
    event.preventDefault();
    if (role === user.role) {
      setRoleError(`${user.name} is already ${ROLE_LABELS[role].toLowerCase()}. Choose another role.`);
      return;
    }
    setRoleError(undefined);
    setPending({ kind: 'role', role });
  };

  return (
    <BackofficePage title={user.name}>
      <p className="muted">
        {user.email}
        {isMe && ' · This is you.'} <Link to="/admin/users">Back to the users</Link>
      </p>
      <dl className="bo-stats">
        <div>
          <dt>Role</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{accountStatus(user)}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{user.emailVerified ? 'Verified' : 'Not verified'}</dd>
        </div>
        <div>
          <dt>Two-factor</dt>
          <dd>{user.mfaEnabled ? 'On' : 'Off'}</dd>
        </div>
        <div>
          <dt>Joined</dt>
          <dd>{formatDay(user.createdAt)}</dd>
        </div>
      </dl>
      {user.deleted ? (
        <p className="notice notice--info">This account was deleted; nothing about it can be changed.</p>
      ) : (
        <div className="bo-grid">
          <section className="card" aria-labelledby="user-role">
            <form className="form" noValidate onSubmit={chooseRole}>
              <h2 id="user-role">Role</h2>
              <SelectField
                label="Role"
                options={ROLE_OPTIONS}
                value={role}
                onChange={(e) => isRole(e.target.value) && setRole(e.target.value)}
                error={roleError}
                hint="Changing it ends the user’s sessions. You confirm with your own password."
              />
              <div className="form__actions">
                <button type="submit" className="button">
                  Change role
                </button>
              </div>
            </form>
          </section>
          <section className="card stack" aria-labelledby="user-access">
            <h2 id="user-access">Access</h2>
            <div className="form__actions">
              {user.locked ? (
                <button type="button" className="button" onClick={() => setPending({ kind: 'unlock' })}>
                  Unlock account
                </button>
              ) : (
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => setPending({ kind: 'lock' })}
                >
                  Lock account
                </button>
              )}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setPending({ kind: 'reset' })}
              >
                Send password-reset email
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setPending({ kind: 'revoke' })}
              >
                Sign out everywhere
              </button>
            </div>
          </section>
        </div>
      )}
      {pending?.kind === 'role' && (
        <RoleChangeDialog
          user={user}
          role={pending.role}
          pending={update.isPending}
          error={update.error}
          onCancel={close}
          onConfirm={(currentPassword) =>
            update.mutate(
              { role: pending.role, currentPassword },
              { onSuccess: done(`${user.name} is now ${ROLE_LABELS[pending.role].toLowerCase()}.`) },
            )
          }
        />
      )}
      {pending?.kind === 'lock' && (
        <ConfirmDialog
          title={`Lock ${user.name}’s account?`}
          confirmLabel="Lock account"
          pendingLabel="Locking…"
          pending={update.isPending}
          error={update.error}
          onCancel={close}
          onConfirm={() =>
            update.mutate({ locked: true }, { onSuccess: done(`${user.name}’s account was locked.`) })
          }
        >
          <p>
            Every session of {user.email} ends now, and signing in is refused until an admin unlocks the
            account.
            {isMe && ' This is your own account: you will be signed out.'}
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'unlock' && (
        <ConfirmDialog
          title={`Unlock ${user.name}’s account?`}
          confirmLabel="Unlock account"
          pendingLabel="Unlocking…"
          tone="default"
          pending={update.isPending}
          error={update.error}
          onCancel={close}
          onConfirm={() =>
            update.mutate({ locked: false }, { onSuccess: done(`${user.name}’s account was unlocked.`) })
          }
        >
          <p>{user.email} can sign in again.</p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'reset' && (
        <ConfirmDialog
          title={`Email ${user.name} a password-reset link?`}
          confirmLabel="Send email"
          pendingLabel="Sending…"
          tone="default"
          pending={reset.isPending}
          error={reset.error}
          onCancel={close}
          onConfirm={() =>
            reset.mutate(undefined, { onSuccess: done(`A password-reset link was sent to ${user.email}.`) })
          }
        >
          <p>The link goes to {user.email}. Their password stays as it is until they choose a new one.</p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'revoke' && (
        <ConfirmDialog
          title={`Sign ${user.name} out everywhere?`}
          confirmLabel="Sign out everywhere"
          pendingLabel="Signing out…"
          pending={revoke.isPending}
          error={revoke.error}
          onCancel={close}
          onConfirm={() =>
            revoke.mutate(undefined, { onSuccess: done(`Every session of ${user.name} was ended.`) })
          }
        >
          <p>
            Every device signed in as {user.email} is signed out; they can sign in again with their password.
          </p>
        </ConfirmDialog>
      )}
    </BackofficePage>
  );
}
