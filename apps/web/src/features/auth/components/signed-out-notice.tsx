import { Link, useLocation } from 'react-router';
import { useAuth } from '../session/auth-context.ts';

const MESSAGES = {
  idle: 'For your security, you were signed out after 30 minutes without activity.',
  'account-deleted': 'Your account and your personal data have been deleted. Thank you for shopping with us.',
} as const;

/** Says why the user was signed out when it was not their own click. */
export function SignedOutNotice() {
  const { status, signedOutReason, dismissSignedOutReason } = useAuth();
  const location = useLocation();
  if (status !== 'signed-out' || !signedOutReason || signedOutReason === 'user') return null;
  return (
    <section className="banner banner--notice" aria-label="Signed out">
      <div className="container banner__inner">
        <p role="status">{MESSAGES[signedOutReason]}</p>
        <div className="banner__actions">
          {signedOutReason === 'idle' && location.pathname !== '/login' && (
            <Link className="banner__action" to="/login">
              Sign in again
            </Link>
          )}
          <button type="button" className="link-button banner__action" onClick={dismissSignedOutReason}>
            Dismiss
          </button>
        </div>
      </div>
    </section>
  );
}
