import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/page-title.tsx';
import { VerifyEmailResult } from '../../features/auth/components/verify-email-result.tsx';
import { useAuth } from '../../features/auth/session/auth-context.ts';

/** The landing page of the emailed link, for a new account and for an email change alike. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const auth = useAuth();
  const signedIn = auth.status === 'signed-in';
  return (
    <div className="auth-page">
      <PageTitle>Confirm your email</PageTitle>
      <div className="auth-card">
        <VerifyEmailResult
          token={params.get('token')}
          signedIn={signedIn}
          onVerified={() => {
            // The address (after an email change) and the verified flag come from the server.
            if (signedIn) void auth.reloadUser();
          }}
        />
      </div>
    </div>
  );
}
