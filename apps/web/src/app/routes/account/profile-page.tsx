import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useMe } from '../../../features/account/api/get-me.ts';
import { ProfileForm } from '../../../features/account/components/profile-form.tsx';
import { useAuth } from '../../../features/auth/session/auth-context.ts';

export function ProfilePage() {
  const me = useMe();
  const auth = useAuth();
  return (
    <>
      <PageTitle>Your profile</PageTitle>
      <h1>Your profile</h1>
      <section className="card">
        {me.isPending && <LoadingState label="Loading your profile…" />}
        {me.isError && (
          <ErrorState
            title="Your profile could not be loaded"
            error={me.error}
            onRetry={() => me.refetch()}
          />
        )}
        {me.isSuccess && (
          <ProfileForm
            key={me.data.id}
            profile={me.data}
            onSaved={(profile) => auth.updateUser({ name: profile.name })}
          />
        )}
      </section>
    </>
  );
}
