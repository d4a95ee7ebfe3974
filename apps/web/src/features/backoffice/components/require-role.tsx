import type { Role } from '@securecart/contract';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { useAuth } from '../../auth/session/auth-context.ts';
import { RequireAuth } from '../../auth/session/require-auth.tsx';
import { ForbiddenPage } from './forbidden-page.tsx';

interface RequireRoleProps {
  roles: readonly Role[];
  children?: ReactNode;
}

function RoleGate({ roles, children }: RequireRoleProps) {
  const { user } = useAuth();
  if (!user || !roles.includes(user.role)) return <ForbiddenPage />;
  return children ?? <Outlet />;
}

/** Signed out: sign in and come back (RequireAuth); signed in with another role: the 403 page. */
export function RequireRole({ roles, children }: RequireRoleProps) {
  return (
    <RequireAuth>
      <RoleGate roles={roles}>{children}</RoleGate>
    </RequireAuth>
  );
}
