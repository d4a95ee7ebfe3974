import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PageTitle } from '../../../components/page-title.tsx';
import { ME_QUERY_KEY } from '../../../features/account/api/get-me.ts';
import { ChangeEmailForm } from '../../../features/account/components/change-email-form.tsx';
import { ChangePasswordForm } from '../../../features/account/components/change-password-form.tsx';
import { SessionsList } from '../../../features/auth/components/sessions-list.tsx';
import { TwoFactorSettings } from '../../../features/auth/components/two-factor-settings.tsx';
import { useAuth } from '../../../features/auth/session/auth-context.ts';

export function SecurityPage() {
  const auth = useAuth();
  const queryClient = useQueryClient();
  const user = auth.user;
  if (!user) return null;

  return (
    <>
      <PageTitle>Security</PageTitle>
      <h1>Security</h1>
      <div className="stack stack--sections">
        <Section id="password" title="Password">
          <ChangePasswordForm />
        </Section>
        <Section id="email" title="Email address">
          <ChangeEmailForm currentEmail={user.email} />
        </Section>
        <Section id="two-factor" title="Two-factor authentication">
          <TwoFactorSettings
            enabled={user.mfaEnabled}
            onChange={(mfaEnabled) => {
              auth.updateUser({ mfaEnabled });
              void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
            }}
          />
        </Section>
        <Section id="sessions" title="Where you are signed in">
          <SessionsList />
        </Section>
      </div>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
