import type { ReactNode } from 'react';
import { PageTitle } from '../../components/page-title.tsx';

/** The narrow, centred card every sign-in, sign-up and recovery page uses. */
export function AuthPage({
  title,
  heading = title,
  intro,
  children,
  footer,
}: {
  title: string;
  heading?: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="auth-page">
      <PageTitle>{title}</PageTitle>
      <div className="auth-card">
        <h1>{heading}</h1>
        {intro && <p className="auth-card__intro">{intro}</p>}
        {children}
      </div>
      {footer && <div className="auth-page__footer">{footer}</div>}
    </div>
  );
}
