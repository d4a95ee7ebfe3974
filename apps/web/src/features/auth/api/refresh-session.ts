import { ApiError, type SecureCartClient } from '@securecart/client';
import type { RefreshResult } from '@securecart/contract';
import type { RefreshResponse } from '../session/refresh-coordinator.ts';

/**
 * POST /auth/refresh with the httpOnly cookie and `X-CSRF: 1`. Unlike `client.auth.refresh` it
 * takes no Web Lock of its own: the refresh coordinator already holds the same lock around it, and
 * a second request for a held lock would wait forever. Resolves undefined when the session is over.
 */
export async function refreshSession(client: SecureCartClient): Promise<RefreshResponse | undefined> {
  try {
    const result = await client.http.request<RefreshResult & { rememberMe?: boolean }>('/auth/refresh', {
      method: 'POST',
      headers: { 'x-csrf': '1' },
      anonymous: true,
    });
    client.http.setAccessToken(result.accessToken);
    return result;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return undefined;
    throw error;
  }
}
