import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { PageTitle } from '../../components/page-title.tsx';
import { CheckYourEmail } from '../../features/auth/components/check-your-email.tsx';
import { RegisterForm } from '../../features/auth/components/register-form.tsx';
import { useAuth } from '../../features/auth/session/auth-context.ts';
import { AuthPage } from './auth-page.tsx';

export function RegisterPage() {
  const { status } = useAuth();
  const [registeredEmail, setRegisteredEmail] = useState<string>();

  if (registeredEmail) {
    return (
      <div className="auth-page">
        <PageTitle>Check your email</PageTitle>
        <div className="auth-card">
          <CheckYourEmail email={registeredEmail} />
        </div>
      </div>
    );
  }
  if (status === 'signed-in') return <Navigate to="/account" replace />;

  return (
    <AuthPage
      title="Create your account"
      intro="Save addresses, follow your orders and check out faster."
      footer={
        <p>
          Already have an account? <Link to="/login">Sign in</Link>
        </p>
      }
    >
      <RegisterForm onRegistered={setRegisteredEmail} />
    </AuthPage>
  );
}
