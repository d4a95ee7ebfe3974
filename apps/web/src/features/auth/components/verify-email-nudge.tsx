import { useAuth } from '../session/auth-context.ts';
import { ResendVerificationButton } from './resend-verification-button.tsx';

/** Unverified accounts can shop; a gentle banner asks them to confirm their address. */
export function VerifyEmailNudge() {
  const { status, user } = useAuth();
  if (status !== 'signed-in' || !user || user.emailVerified) return null;
  return (
    <section className="banner banner--info" aria-label="Confirm your email">
      <div className="container banner__inner">
        <p>
          Please confirm your email address: we sent a link to <strong>{user.email}</strong>.
        </p>
        <ResendVerificationButton email={user.email} className="link-button banner__action" />
      </div>
    </section>
  );
}
