import { useState } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { FormNotice } from '../../components/form/form-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { LoginForm } from '../../features/auth/components/login-form.tsx';
import { MfaForm } from '../../features/auth/components/mfa-form.tsx';
import { useAuth } from '../../features/auth/session/auth-context.ts';
import { safeNextPath } from '../../features/auth/utils/safe-next-path.ts';
import { AuthPage } from './auth-page.tsx';

interface Challenge {
  mfaToken: string;
  rememberMe: boolean;
}

export function LoginPage() {
  const auth = useAuth();
  const [params] = useSearchParams();
  const location = useLocation();
  const next = safeNextPath(params.get('next'));
  const [challenge, setChallenge] = useState<Challenge>();
  const [restartMessage, setRestartMessage] = useState<string>();
  const notice = (location.state as { notice?: string } | null)?.notice;

  // Signed in (just now, or already): on to where the user was going.
  if (auth.status === 'signed-in') return <Navigate to={next} replace />;
  if (auth.status === 'loading') return <LoadingState label="Checking your session…" />;

  if (challenge) {
    return (
      <AuthPage title="Two-step verification">
        <MfaForm
          mfaToken={challenge.mfaToken}
          onSignedIn={(tokens) => auth.signIn(tokens, { rememberMe: challenge.rememberMe })}
          onRestart={(message) => {
            setChallenge(undefined);
            setRestartMessage(message);
          }}
        />
      </AuthPage>
    );
  }

  return (
    <AuthPage
      title="Sign in"
      intro="Welcome back. Sign in to see your orders, addresses and account."
      footer={
        <p>
          New to SecureCart? <Link to="/register">Create an account</Link>
        </p>
      }
    >
      {notice && <FormNotice tone="success">{notice}</FormNotice>}
      {restartMessage && <FormNotice tone="info">{restartMessage}</FormNotice>}
      <LoginForm
        onSignedIn={(tokens, rememberMe) => auth.signIn(tokens, { rememberMe })}
        onMfaRequired={(nextChallenge) => {
          setRestartMessage(undefined);
          setChallenge(nextChallenge);
        }}
      />
    </AuthPage>
  );
}
