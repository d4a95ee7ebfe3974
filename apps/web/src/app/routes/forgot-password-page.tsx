import { Link } from 'react-router';
import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form.tsx';
import { AuthPage } from './auth-page.tsx';

export function ForgotPasswordPage() {
  return (
    <AuthPage
      title="Forgot your password?"
      intro="Enter your email address and we will send you a link to choose a new password. It also works while sign-in is paused after too many attempts."
      footer={
        <p>
          Remembered it? <Link to="/login">Sign in</Link>
        </p>
      }
    >
      <ForgotPasswordForm />
    </AuthPage>
  );
}
