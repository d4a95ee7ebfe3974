import type { AuthUser } from '@securecart/contract';

/**
 * Keeps the access token of every open tab in step without ever writing it to storage.
 *
 * Tabs share the httpOnly refresh cookie, and the API treats a refresh token presented twice as
 * theft (it revokes the whole session). So refreshes are serialised across tabs with the Web Locks
 * API, and whoever refreshes tells the other tabs the new access token over a BroadcastChannel.
 * A tab that waited for the lock first checks whether a fresh token arrived meanwhile; if the
 * message is late it refreshes again, which is safe because the lock guarantees it sends the
 * already-rotated cookie. Without Web Locks, refreshes are single-flight within the tab only.
 */

export const REFRESH_LOCK_NAME = 'securecart-refresh';
export const AUTH_CHANNEL_NAME = 'securecart-auth';
/** A token from another tab this close to expiry is not worth using: refresh instead. */
const EXPIRY_MARGIN_MS = 10 * 1000;
/** Other tabs hear about user activity at most this often, so typing never floods the channel. */
export const ACTIVITY_BROADCAST_INTERVAL_MS = 15 * 1000;

export interface SessionToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Known after a sign-in in some open tab; unknown after a reload (the API does not say). */
  rememberMe?: boolean;
}

/** What tabs tell each other. Same-origin only; nothing here is ever persisted. */
export type AuthMessage =
  | { type: 'token'; token: SessionToken; user?: AuthUser }
  | { type: 'signed-out'; reason?: SignOutReason }
  | { type: 'activity'; at: number };

/** Why a tab signed out, so every tab can say so. */
export type SignOutReason = 'user' | 'idle' | 'account-deleted';

export type CoordinatorEvent = AuthMessage & { origin: 'this-tab' | 'other-tab' };

export interface AuthChannel {
  post(message: AuthMessage): void;
  listen(listener: (message: AuthMessage) => void): () => void;
  close(): void;
}

/** The slice of `navigator.locks` used here. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface RefreshResponse {
  accessToken: string;
  /** Seconds. */
  expiresIn: number;
  rememberMe?: boolean;
}

export interface RefreshCoordinatorOptions {
  /** POST /auth/refresh: the new token, or undefined when the session is over (401). Throws otherwise. */
  refresh: () => Promise<RefreshResponse | undefined>;
  locks?: LockManagerLike;
  openChannel?: () => AuthChannel | undefined;
  now?: () => number;
}

export type RefreshCoordinator = ReturnType<typeof createRefreshCoordinator>;

export function createRefreshCoordinator(options: RefreshCoordinatorOptions) {
  const now = options.now ?? (() => Date.now());
  const listeners = new Set<(event: CoordinatorEvent) => void>();
  let token: SessionToken | undefined;
  let channel: AuthChannel | undefined;
  let inFlight: Promise<string | undefined> | undefined;
  let lastActivityBroadcast = Number.NEGATIVE_INFINITY;

  const emit = (event: CoordinatorEvent) => {
    for (const listener of listeners) listener(event);
  };

  const withLock = <T>(work: () => Promise<T>): Promise<T> =>
    options.locks ? options.locks.request(REFRESH_LOCK_NAME, work) : work();

  const usable = (candidate: SessionToken | undefined, stale: string | undefined) =>
    candidate !== undefined &&
    candidate.accessToken !== stale &&
    candidate.expiresAt - EXPIRY_MARGIN_MS > now();

  async function runRefresh(): Promise<string | undefined> {
    const stale = token?.accessToken;
    return withLock(async () => {
      // Another tab may have refreshed while this one waited for the lock.
      if (token && usable(token, stale)) return token.accessToken;
      const result = await options.refresh();
      if (!result) {
        // Only this tab: a tab that is just starting, signed out, must not sign out a tab that
        // signed in a moment ago. The others find out at their own next refresh.
        token = undefined;
        emit({ type: 'signed-out', origin: 'this-tab' });
        return undefined;
      }
      const fresh: SessionToken = {
        accessToken: result.accessToken,
        expiresAt: now() + result.expiresIn * 1000,
        rememberMe: result.rememberMe ?? token?.rememberMe,
      };
      token = fresh;
      channel?.post({ type: 'token', token: fresh });
      emit({ type: 'token', token: fresh, origin: 'this-tab' });
      return fresh.accessToken;
    });
  }

  function receive(message: AuthMessage) {
    if (message.type === 'token') {
      // A late message must not replace a newer token; newer tokens expire later.
      if (token && message.token.expiresAt < token.expiresAt) return;
      token = message.token;
    }
    if (message.type === 'signed-out') token = undefined;
    emit({ ...message, origin: 'other-tab' });
  }

  return {
    current: (): SessionToken | undefined => token,

    /** A new access token, or undefined when the session is over. One request at a time, across tabs. */
    refresh(): Promise<string | undefined> {
      inFlight ??= runRefresh().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },

    /** After a sign-in in this tab: adopt the token and hand it (with the user) to the other tabs. */
    publish(next: SessionToken, user: AuthUser) {
      token = next;
      channel?.post({ type: 'token', token: next, user });
      emit({ type: 'token', token: next, user, origin: 'this-tab' });
    },

    /** After signing out in this tab (button, idle timeout, account deleted): every tab signs out. */
    signOut(reason: SignOutReason = 'user') {
      token = undefined;
      channel?.post({ type: 'signed-out', reason });
      emit({ type: 'signed-out', reason, origin: 'this-tab' });
    },

    /** The user did something in this tab; other tabs postpone their idle sign-out. Throttled. */
    reportActivity() {
      const at = now();
      if (at - lastActivityBroadcast < ACTIVITY_BROADCAST_INTERVAL_MS) return;
      lastActivityBroadcast = at;
      channel?.post({ type: 'activity', at });
    },

    subscribe(listener: (event: CoordinatorEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Opens the channel to other tabs; the returned function closes it (effects call both). */
    connect(): () => void {
      const opened = options.openChannel?.();
      if (!opened) return () => {};
      channel = opened;
      const stopListening = opened.listen(receive);
      return () => {
        stopListening();
        opened.close();
        if (channel === opened) channel = undefined;
      };
    },
  };
}

// ---------- Browser adapters ----------

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Messages come from our own origin, but a malformed one must never break a tab. */
export function isAuthMessage(value: unknown): value is AuthMessage {
  if (!isObject(value)) return false;
  if (value.type === 'signed-out') return true;
  if (value.type === 'activity') return typeof value.at === 'number';
  if (value.type !== 'token' || !isObject(value.token)) return false;
  return typeof value.token.accessToken === 'string' && typeof value.token.expiresAt === 'number';
}

export function openBroadcastChannel(): AuthChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(AUTH_CHANNEL_NAME);
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const onMessage = (event: MessageEvent) => {
        if (isAuthMessage(event.data)) listener(event.data);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}

export function browserLocks(): LockManagerLike | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return undefined;
  return {
    request: <T>(name: string, callback: () => Promise<T>) =>
      locks.request(name, () => callback()) as Promise<T>,
  };
}
