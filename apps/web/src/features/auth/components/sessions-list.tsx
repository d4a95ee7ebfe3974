import type { Session } from '@securecart/contract';
import { ErrorState } from '../../../components/error-state.tsx';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { formErrorMessage } from '../../../lib/form-errors.ts';
import { useSessions } from '../api/list-sessions.ts';
import { useRevokeSession } from '../api/revoke-session.ts';
import { describeUserAgent } from '../utils/describe-user-agent.ts';
import '../auth.css';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Where the account is signed in; any session but this one can be ended from here. */
export function SessionsList() {
  const sessions = useSessions();
  const revoke = useRevokeSession();

  if (sessions.isPending) return <LoadingState label="Loading your sessions…" />;
  if (sessions.isError) {
    return (
      <ErrorState
        title="Your sessions could not be loaded"
        error={sessions.error}
        onRetry={() => sessions.refetch()}
      />
    );
  }

  return (
    <div className="stack">
      {revoke.isError && <FormNotice tone="error">{formErrorMessage(revoke.error)}</FormNotice>}
      <ul className="session-list" aria-label="Active sessions">
        {sessions.data.items.map((session) => (
          <SessionItem
            key={session.id}
            session={session}
            pending={revoke.isPending && revoke.variables === session.id}
            onRevoke={() => revoke.mutate(session.id)}
          />
        ))}
      </ul>
    </div>
  );
}

function SessionItem({
  session,
  pending,
  onRevoke,
}: {
  session: Session;
  pending: boolean;
  onRevoke: () => void;
}) {
  const device = describeUserAgent(session.userAgent);
  return (
    <li className="session-list__item">
      <div className="session-list__details">
        <p className="session-list__device">
          {device}
          {session.current && <span className="badge badge--in">This device</span>}
        </p>
        <p className="session-list__meta">
          Last active {when.format(new Date(session.lastUsedAt))}
          {session.ip ? ` · IP ${session.ip}` : ''} · Signed in {when.format(new Date(session.createdAt))}
        </p>
      </div>
      {!session.current && (
        <button
          type="button"
          className="button button--secondary"
          disabled={pending}
          aria-label={`Revoke ${device}, last active ${when.format(new Date(session.lastUsedAt))}`}
          onClick={onRevoke}
        >
          {pending ? 'Revoking…' : 'Revoke'}
        </button>
      )}
    </li>
  );
}
