import type { AuthUser, SessionTokens } from '@securecart/contract';
import { createContext, useContext } from 'react';
import type { CoordinatorEvent, SignOutReason } from './refresh-coordinator.ts';

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out';

export interface AuthState {
  status: AuthStatus;
  user?: AuthUser;
  /** Ticked at sign-in (in this or another open tab); undefined after a reload, treated as not ticked. */
  rememberMe?: boolean;
  /** Why the last sign-out happened, for a message; cleared at the next sign-in. */
  signedOutReason?: SignOutReason;
}

export interface AuthContextValue extends AuthState {
  /** After POST /auth/login or /auth/login/mfa answered with tokens. */
  signIn(tokens: SessionTokens, options: { rememberMe: boolean }): void;
  /** Ends the session on the server (best effort) and in every tab. */
  signOut(reason?: SignOutReason): Promise<void>;
  /** The profile changed (name, email verified, 2FA): keep the header and guards in step. */
  updateUser(patch: Partial<AuthUser>): void;
  /** Re-reads the user from GET /me (e.g. after an email change was confirmed). */
  reloadUser(): Promise<void>;
  /** Coordinator events (e.g. activity in another tab), for the idle sign-out. */
  subscribe(listener: (event: CoordinatorEvent) => void): () => void;
  reportActivity(): void;
  dismissSignedOutReason(): void;
}

export const AuthContext = createContext<AuthContextValue | undefined>(undefined);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth needs an <AuthProvider> above it');
  return value;
}
