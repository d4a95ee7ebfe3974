import type {
  LoginBody,
  LoginMfaBody,
  LoginResult,
  Message,
  Page,
  RefreshResult,
  RegisterBody,
  Session,
  SessionTokens,
} from '@securecart/contract';
import type { Http } from './http.ts';

export interface AuthClientOptions {
  /**
   * `web` (default): the refresh token lives in the httpOnly cookie and never reaches script.
   * `api`: for clients without cookies; the refresh token is kept in memory and sent in the body.
   */
  client?: 'web' | 'api';
}

/** `/auth`: sign-up, sign-in (with 2FA), token refresh, password reset and the session list. */
/**
 * `cartHeaders` adds the guest's `X-Cart-Token` to the sign-in calls, so the server merges that
 * cart into the user's; the guest token is spent then and the caller should forget it.
 */
export function authApi(
  http: Http,
  options: AuthClientOptions = {},
  cartHeaders: () => Record<string, string> = () => ({}),
) {
  const client = options.client ?? 'web';
  let refreshToken: string | undefined;
  const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    http.request<T>(`/auth${path}`, { method: 'POST', body, headers, anonymous: true });

  function signedIn<T extends LoginResult>(result: T): T {
    if ('accessToken' in result) {
      http.setAccessToken(result.accessToken);
      if (result.refreshToken) refreshToken = result.refreshToken;
    }
    return result;
  }

  /** Cookie mode proves same-origin intent with X-CSRF; body mode sends the token itself. */
  const refreshRequest = () =>
    client === 'api'
      ? post<RefreshResult>('/refresh', { refreshToken })
      : post<RefreshResult>('/refresh', undefined, { 'x-csrf': '1' });

  return {
    /** 202 whether or not the email was registered already. */
    register: (body: RegisterBody) => post<Message>('/register', body),
    verifyEmail: (token: string) => post<void>('/verify-email', { token }),
    resendVerification: (email: string) => post<Message>('/resend-verification', { email }),
    /** `{ mfaRequired, mfaToken }` when 2FA is on: continue with `loginMfa`. A 428 asks to accept the privacy policy. */
    login: async (body: LoginBody) =>
      signedIn(await post<LoginResult>('/login', { ...body, client }, cartHeaders())),
    loginMfa: async (body: LoginMfaBody) =>
      signedIn(await post<SessionTokens>('/login/mfa', { ...body, client }, cartHeaders())),
    /**
     * A new access token and a rotated refresh token. A rotated token presented twice ends the
     * session, so browser tabs sharing the cookie must take turns (the SPA's refresh coordinator
     * serialises them with Web Locks); within one client, `Http` already shares a single refresh.
     */
    refresh: async () => {
      const result = await refreshRequest();
      http.setAccessToken(result.accessToken);
      if (result.refreshToken) refreshToken = result.refreshToken;
      return result;
    },
    logout: async () => {
      try {
        if (client === 'api') await post<void>('/logout', { refreshToken });
        else await post<void>('/logout', undefined, { 'x-csrf': '1' });
      } finally {
        http.setAccessToken(undefined);
        refreshToken = undefined;
      }
    },
    forgotPassword: (email: string) => post<Message>('/password/forgot', { email }),
    resetPassword: (token: string, newPassword: string) =>
      post<void>('/password/reset', { token, newPassword }),
    listSessions: (params: { page?: number; pageSize?: number } = {}, signal?: AbortSignal) =>
      http.request<Page<Session>>('/auth/sessions', { query: params, signal }),
    revokeSession: (id: string) =>
      http.request<void>(`/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  };
}
