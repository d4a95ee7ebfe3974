import { ApiError } from '@securecart/client';
import type { AuthUser, Profile, SessionTokens } from '@securecart/contract';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApiClient } from '../../../lib/api-client.ts';
import { cartToken } from '../../cart/cart-token.ts';
import { logout } from '../api/logout.ts';
import { refreshSession } from '../api/refresh-session.ts';
import { AuthContext, type AuthContextValue, type AuthState } from './auth-context.ts';
import { IdleLogout } from './idle-logout.tsx';
import { globalTimers, type Timers } from './idle-timer.ts';
import {
  type AuthChannel,
  browserLocks,
  type CoordinatorEvent,
  createRefreshCoordinator,
  type LockManagerLike,
  openBroadcastChannel,
  type SignOutReason,
} from './refresh-coordinator.ts';

/** What the browser provides; tests pass fakes (one simulated browser per test). */
export interface AuthEnvironment {
  locks?: LockManagerLike;
  openChannel?: () => AuthChannel | undefined;
  timers?: Timers;
}

const browserEnvironment = (): AuthEnvironment => ({
  locks: browserLocks(),
  openChannel: openBroadcastChannel,
  timers: globalTimers,
});

const toAuthUser = (profile: Profile): AuthUser => ({
  id: profile.id,
  email: profile.email,
  name: profile.name,
  role: profile.role,
  emailVerified: profile.emailVerified,
  mfaEnabled: profile.mfaEnabled,
});

/**
 * The signed-in user and the access token, in memory only. On start it tries one silent refresh
 * (the httpOnly cookie, if any, restores the session); the client's 401 hook refreshes through the
 * same cross-tab coordinator; sign-in and sign-out reach every open tab.
 */
export function AuthProvider({
  children,
  environment,
}: {
  children: ReactNode;
  environment?: AuthEnvironment;
}) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [env] = useState(() => environment ?? browserEnvironment());
  const timers = env.timers ?? globalTimers;
  const [coordinator] = useState(() =>
    createRefreshCoordinator({
      refresh: () => refreshSession(client),
      locks: env.locks,
      openChannel: env.openChannel,
      now: () => timers.now(),
    }),
  );
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;

  /** Anything but the public catalog belongs to the user who was signed in. */
  const forgetPrivateData = useCallback(() => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'catalog' });
  }, [queryClient]);

  const loadUser = useCallback(async () => {
    try {
      const profile = await client.account.getMe();
      setState({
        status: 'signed-in',
        user: toAuthUser(profile),
        rememberMe: coordinator.current()?.rememberMe,
      });
    } catch (error) {
      // Without a user there is nothing to show as signed in; a 5xx here is rare and a reload retries.
      if (!(error instanceof ApiError) || error.status !== 401)
        console.warn('Could not load the profile', error);
      client.http.setAccessToken(undefined);
      setState((current) => ({ ...current, status: 'signed-out', user: undefined }));
    }
  }, [client, coordinator]);

  useEffect(() => {
    const handle = (event: CoordinatorEvent) => {
      if (event.type === 'activity') return;
      if (event.type === 'signed-out') {
        client.http.setAccessToken(undefined);
        // Only a user who was signed in leaves private data behind; at start-up (no session found)
        // dropping queries would strand the guest's own in-flight ones (cart, guest order) on "Loading…".
        if (stateRef.current.status === 'signed-in') forgetPrivateData();
        setState({ status: 'signed-out', signedOutReason: event.reason });
        return;
      }
      client.http.setAccessToken(event.token.accessToken);
      const current = stateRef.current;
      if (event.user) {
        if (current.user && current.user.id !== event.user.id) forgetPrivateData();
        setState({ status: 'signed-in', user: event.user, rememberMe: event.token.rememberMe });
      } else if (current.status === 'signed-in') {
        const rememberMe = event.token.rememberMe ?? current.rememberMe;
        if (rememberMe !== current.rememberMe) setState({ ...current, rememberMe });
      } else {
        void loadUser();
      }
    };
    const previousHook = client.http.refreshAccessToken;
    client.http.refreshAccessToken = () => coordinator.refresh();
    const unsubscribe = coordinator.subscribe(handle);
    const disconnect = coordinator.connect();
    return () => {
      client.http.refreshAccessToken = previousHook;
      unsubscribe();
      disconnect();
    };
  }, [client, coordinator, forgetPrivateData, loadUser]);

  // One silent refresh at start: a valid cookie restores the session (the token event loads the user).
  useEffect(() => {
    const signedOutIfStillLoading = () =>
      setState((current) => (current.status === 'loading' ? { status: 'signed-out' } : current));
    coordinator
      .refresh()
      .then((token) => {
        if (!token) signedOutIfStillLoading();
      })
      .catch(signedOutIfStillLoading);
  }, [coordinator]);

  const signOut = useCallback(
    async (reason: SignOutReason = 'user') => {
      try {
        await logout(client);
      } catch {
        // Offline or already ended: the cookie is useless to anyone once the session is gone, and
        // this browser forgets the token either way.
      }
      coordinator.signOut(reason);
    },
    [client, coordinator],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      ...state,
      signIn(tokens: SessionTokens, { rememberMe }: { rememberMe: boolean }) {
        // The sign-in call carried the guest cart token and the server merged that cart: it is spent.
        cartToken.clear();
        coordinator.publish(
          { accessToken: tokens.accessToken, expiresAt: timers.now() + tokens.expiresIn * 1000, rememberMe },
          tokens.user,
        );
      },
      signOut,
      updateUser(patch: Partial<AuthUser>) {
        setState((current) => (current.user ? { ...current, user: { ...current.user, ...patch } } : current));
      },
      reloadUser: loadUser,
      subscribe: coordinator.subscribe,
      reportActivity: coordinator.reportActivity,
      dismissSignedOutReason() {
        setState((current) => ({ ...current, signedOutReason: undefined }));
      },
    }),
    [state, coordinator, signOut, loadUser, timers],
  );

  // Remember-me sessions are meant to outlive idleness; everyone else is signed out after 30 min.
  const idleLogout = state.status === 'signed-in' && state.rememberMe !== true;

  return (
    <AuthContext value={value}>
      {children}
      {idleLogout && (
        <IdleLogout
          timers={timers}
          subscribe={coordinator.subscribe}
          reportActivity={coordinator.reportActivity}
          signOut={signOut}
        />
      )}
    </AuthContext>
  );
}
