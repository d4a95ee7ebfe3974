import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { forbidden } from '../../lib/errors.ts';

export const REFRESH_COOKIE = 'sc_refresh';
/** Sent only to /auth/refresh and /auth/logout, never with ordinary API calls. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

const cookieOptions = (request: FastifyRequest) => ({
  httpOnly: true,
  sameSite: 'strict' as const,
  path: REFRESH_COOKIE_PATH,
  secure: request.protocol === 'https',
});

/** A remember-me cookie outlives the browser until the session's end; otherwise it is a session cookie. */
export function setRefreshCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  persistUntil: Date | undefined,
  now: Date,
) {
  const maxAge = persistUntil
    ? Math.max(0, Math.floor((persistUntil.getTime() - now.getTime()) / 1000))
    : undefined;
  reply.setCookie(REFRESH_COOKIE, token, { ...cookieOptions(request), maxAge });
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(REFRESH_COOKIE, cookieOptions(request));
}

/**
 * CSRF defence for the cookie-authenticated endpoints. SameSite=Strict already keeps the cookie off
 * cross-site requests; on top, a custom header (which a cross-origin page cannot send without a
 * CORS preflight we refuse) is required, and a foreign Origin is refused outright.
 */
export function csrfGuard(config: Pick<Config, 'publicUrl' | 'corsOrigins'>) {
  const allowed = new Set([new URL(config.publicUrl).origin, ...config.corsOrigins]);
  return (request: FastifyRequest) => {
    if (request.headers['x-csrf'] !== '1') {
      throw forbidden('Cookie-authenticated requests need the header X-CSRF: 1.', 'csrf_header_missing');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowed.has(origin)) {
      throw forbidden('Requests from this origin are not allowed.', 'csrf_origin_refused');
    }
  };
}
