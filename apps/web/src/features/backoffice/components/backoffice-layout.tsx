import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { AccountMenu } from '../../auth/components/account-menu.tsx';
import { ToastProvider } from './toasts.tsx';
import '../backoffice.css';

export interface NavItem {
  /** Absolute, e.g. `/admin/orders`. */
  to: string;
  label: string;
  /** Highlight only on this exact path (the area's index). */
  end?: boolean;
}

interface BackofficeLayoutProps {
  /** "Admin" or "Seller": the header's name and the navigation's label. */
  area: string;
  nav: readonly NavItem[];
  children: ReactNode;
}

/** The staff areas' shell: header with the signed-in user and the way back to the shop, side navigation, toasts. */
export function BackofficeLayout({ area, nav, children }: BackofficeLayoutProps) {
  return (
    <ToastProvider>
      <div className="backoffice">
        <a className="skip-link" href="#backoffice-main">
          Skip to content
        </a>
        <header className="bo-header">
          <p className="bo-header__brand">
            SecureCart <span className="bo-header__area">{area}</span>
          </p>
          <Link className="bo-header__shop" to="/">
            Back to the shop
          </Link>
          <AccountMenu />
        </header>
        <nav className="bo-nav" aria-label={area}>
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="backoffice-main" className="bo-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </ToastProvider>
  );
}
