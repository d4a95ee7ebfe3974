import { NavLink, Outlet } from 'react-router';
import '../../../features/account/account.css';

const SECTIONS = [
  { to: '/account', label: 'Profile', end: true },
  { to: '/account/orders', label: 'Orders', end: false },
  { to: '/account/wishlist', label: 'Wishlist', end: false },
  { to: '/account/addresses', label: 'Addresses', end: false },
  { to: '/account/security', label: 'Security', end: false },
  { to: '/account/privacy', label: 'Privacy', end: false },
];

/** The signed-in area: a section list beside (on a phone, above) the section itself. */
export function AccountLayout() {
  return (
    <div className="account">
      <nav className="account__nav" aria-label="Account">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} end={section.end}>
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="account__content">
        <Outlet />
      </div>
    </div>
  );
}
