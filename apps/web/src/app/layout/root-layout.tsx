import { Outlet, ScrollRestoration } from 'react-router';
import { SignedOutNotice } from '../../features/auth/components/signed-out-notice.tsx';
import { VerifyEmailNudge } from '../../features/auth/components/verify-email-nudge.tsx';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';

export function RootLayout() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <SiteHeader />
      <VerifyEmailNudge />
      <SignedOutNotice />
      {/* tabIndex lets the skip link move keyboard focus, not just the scroll position. */}
      <main id="main" className="container app__main" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </div>
  );
}
