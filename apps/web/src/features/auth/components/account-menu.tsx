import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../session/auth-context.ts';

const LINKS = [
  { to: '/account', label: 'Profile' },
  { to: '/account/addresses', label: 'Addresses' },
  { to: '/account/security', label: 'Security' },
  { to: '/account/privacy', label: 'Privacy' },
];

/** "Sign in" for guests; for a signed-in user a disclosure with their name, account links and Sign out. */
export function AccountMenu() {
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Close on navigation, on a click elsewhere and on Escape (focus back on the button).
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the point of a location change
  useEffect(() => setOpen(false), [location.key]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (auth.status === 'loading')
    return <div className="account-menu account-menu--placeholder" aria-hidden="true" />;

  if (auth.status === 'signed-out' || !auth.user) {
    const here = `${location.pathname}${location.search}`;
    const next =
      location.pathname === '/' || location.pathname === '/login'
        ? ''
        : `?${new URLSearchParams({ next: here })}`;
    return (
      <div className="account-menu">
        <Link className="button button--secondary account-menu__sign-in" to={`/login${next}`}>
          Sign in
        </Link>
      </div>
    );
  }

  const signOut = () => {
    setOpen(false);
    // Leave a guarded page first, so its guard does not send the user to the sign-in page.
    navigate('/');
    void auth.signOut();
  };

  return (
    <div className="account-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="account-menu__button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((current) => !current)}
      >
        <span className="account-menu__avatar" aria-hidden="true">
          {initialOf(auth.user.name)}
        </span>
        <span className="account-menu__name">{auth.user.name}</span>
        <span className="visually-hidden"> — account menu</span>
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="m5 8 5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <div id={menuId} className="account-menu__panel" hidden={!open}>
        <p className="account-menu__email">{auth.user.email}</p>
        <ul>
          {LINKS.map((link) => (
            <li key={link.to}>
              <Link to={link.to}>{link.label}</Link>
            </li>
          ))}
        </ul>
        <button type="button" className="account-menu__sign-out" onClick={signOut}>
          Sign out
        </button>
      </div>
    </div>
  );
}

const initialOf = (name: string) => [...name.trim()][0]?.toUpperCase() ?? '?';
