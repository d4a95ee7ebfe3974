import { useNavigate } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { DeleteAccountForm } from '../../../features/account/components/delete-account-form.tsx';
import { ExportData } from '../../../features/account/components/export-data.tsx';
import { useAuth } from '../../../features/auth/session/auth-context.ts';

export function PrivacyPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle>Privacy</PageTitle>
      <h1>Privacy and your data</h1>
      <div className="stack stack--sections">
        <section className="card" aria-labelledby="export-title">
          <h2 id="export-title" className="card__title">
            Download my data
          </h2>
          <ExportData />
        </section>
        <section className="card card--danger" aria-labelledby="delete-title">
          <h2 id="delete-title" className="card__title">
            Delete my account
          </h2>
          <DeleteAccountForm
            onDeleted={() => {
              // Leave the guarded page first, so the guard does not send the user to sign in.
              navigate('/', { replace: true });
              void auth.signOut('account-deleted');
            }}
          />
        </section>
      </div>
    </>
  );
}
