import { Link } from 'react-router';
import { ResendVerificationButton } from './resend-verification-button.tsx';
import '../auth.css';

/** After sign-up. Worded the same whether or not the address was already registered. */
export function CheckYourEmail({ email }: { email: string }) {
  return (
    <div className="auth-result">
      <div className="auth-result__icon" aria-hidden="true">
        ✉
      </div>
      <h1>Check your email</h1>
      <p>
        We sent a message to <strong>{email}</strong>. Open the link in it to confirm your address; it is
        valid for 24 hours.
      </p>
      <p className="auth-result__muted">
        Nothing arrived after a few minutes? Check your spam folder, or{' '}
        <ResendVerificationButton email={email} />
      </p>
      <Link className="button" to="/login">
        Go to sign in
      </Link>
    </div>
  );
}
