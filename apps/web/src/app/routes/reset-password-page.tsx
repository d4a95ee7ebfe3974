import { useNavigate, useSearchParams } from 'react-router';
import { InvalidResetLink, ResetPasswordForm } from '../../features/auth/components/reset-password-form.tsx';
import { useAuth } from '../../features/auth/session/auth-context.ts';
import { AuthPage } from './auth-page.tsx';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const auth = useAuth();
  const token = params.get('token');

  const onReset = async () => {
    // The reset ended every session, this browser's included.
    if (auth.status === 'signed-in') await auth.signOut();
    navigate('/login', {
      replace: true,
      state: { notice: 'Your password has been changed. Sign in with your new password.' },
    });
  };

  return (
    <AuthPage title="Choose a new password">
      {token ? <ResetPasswordForm token={token} onReset={onReset} /> : <InvalidResetLink />}
    </AuthPage>
  );
}
