import { Link } from 'react-router';
import { AccountMenu } from '../../features/auth/components/account-menu.tsx';
import { CartLink } from '../../features/cart/components/cart-link.tsx';
import { SearchForm } from '../../features/catalog/components/search-form.tsx';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand">
          <svg
            className="brand__mark"
            viewBox="0 0 32 32"
            width="28"
            height="28"
            aria-hidden="true"
            focusable="false"
          >
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path
              d="M8 10h2.2l2.3 10.2a1.5 1.5 0 0 0 1.5 1.2h7.6a1.5 1.5 0 0 0 1.4-1.1L25 13H12"
              fill="none"
              stroke="#fff"
              strokeWidth="2.2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
            <circle cx="14.5" cy="25" r="1.6" fill="#fff" />
            <circle cx="21.5" cy="25" r="1.6" fill="#fff" />
          </svg>
          <span className="brand__name">SecureCart</span>
        </Link>
        <SearchForm />
        <AccountMenu />
        <CartLink />
      </div>
    </header>
  );
}
