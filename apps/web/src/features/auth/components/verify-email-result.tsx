import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { LoadingState } from '../../../components/loading-state.tsx';
import { formErrorMessage, problemCode } from '../../../lib/form-errors.ts';
import { useVerifyEmail } from '../api/verify-email.ts';
import '../auth.css';

/**
 * Confirms the emailed token once on arrival (sign-up or an email change). A token is single-use,
 * so the request must not repeat when React re-runs effects in development.
 */
export function VerifyEmailResult({
  token,
  signedIn,
  onVerified,
}: {
  token: string | null;
  signedIn: boolean;
  onVerified: () => void;
}) {
  const verify = useVerifyEmail();
  const sentFor = useRef<string>(undefined);
  const verified = useRef(onVerified);
  verified.current = onVerified;

  useEffect(() => {
    if (!token || sentFor.current === token) return;
    sentFor.current = token;
    verify.mutate(token, { onSuccess: () => verified.current() });
  }, [token, verify]);

  const next = signedIn
    ? { to: '/account', label: 'Go to your account' }
    : { to: '/login', label: 'Sign in' };

  if (!token || verify.isError) {
    const invalid = !token || problemCode(verify.error) === 'invalid_token';
    return (
      <div className="auth-result" role="alert">
        <h1>We could not confirm your email</h1>
        <p>
          {invalid
            ? 'This link is invalid, was already used or has expired. Links are valid for 24 hours.'
            : formErrorMessage(verify.error)}
        </p>
        <p className="auth-result__muted">
          {signedIn
            ? 'You can ask for a new link from the banner at the top of the page.'
            : 'Sign in to ask for a new link.'}
        </p>
        <Link className="button" to={next.to}>
          {next.label}
        </Link>
      </div>
    );
  }

  if (!verify.isSuccess) return <LoadingState label="Confirming your email address…" />;

  return (
    <div className="auth-result">
      <div className="auth-result__icon auth-result__icon--success" aria-hidden="true">
        ✓
      </div>
      <h1>Your email address is confirmed</h1>
      <p>Thank you. Everything is set up.</p>
      <Link className="button" to={next.to}>
        {next.label}
      </Link>
    </div>
  );
}
