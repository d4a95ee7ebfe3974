import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { forbidden, unauthorized } from '../lib/errors.ts';
import { sessionsQueries } from '../modules/auth/sessions-queries.ts';
import { type SessionsService, sessionsService } from '../modules/auth/sessions-service.ts';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const ACCESS_TOKEN_AUDIENCE = 'securecart-api';
export const ROLES = ['customer', 'seller', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface AuthUser {
  id: string;
  role: Role;
  /** The session id; equals the `id` listed at /auth/sessions. */
  sid: string;
}

/** Claims of an access token; other token kinds (the login MFA step) use another audience. */
export interface AccessClaims {
  sub: string;
  role: Role;
  sid: string;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims | Record<string, unknown>;
    user: AuthUser;
  }
}

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest guard: a valid bearer access token is required (401 otherwise). */
    authenticate: Guard;
    /** onRequest guard: authenticated and one of `roles` (403 otherwise). */
    requireRole: (...roles: Role[]) => Guard;
    /** onRequest hook: sets request.user when a valid bearer token is present; never refuses. */
    optionalAuth: Guard;
    signAccessToken: (user: AuthUser) => string;
    sessions: SessionsService;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

function isAccessClaims(payload: unknown): payload is AccessClaims {
  const claims = payload as Partial<AccessClaims>;
  return (
    typeof claims.sub === 'string' &&
    typeof claims.sid === 'string' &&
    (ROLES as readonly unknown[]).includes(claims.role)
  );
}

export const authPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(cookie);
    // HS256 pinned on both sides: a token with `alg: none`, HS512 or an RSA "public key as HMAC
    // secret" trick is refused before its signature is even considered.
    await app.register(jwt, {
      secret: config.jwtSecret,
      sign: {
        algorithm: 'HS256',
        iss: config.publicUrl,
        aud: ACCESS_TOKEN_AUDIENCE,
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      },
      verify: { algorithms: ['HS256'], allowedIss: config.publicUrl, allowedAud: ACCESS_TOKEN_AUDIENCE },
    });

    const sessions = sessionsService({
      db: app.db,
      queries: sessionsQueries(app.db),
      clock: app.clock,
      revocationMemoryMs: ACCESS_TOKEN_TTL_SECONDS * 1000,
    });
    app.decorate('sessions', sessions);

    /** The user a bearer token speaks for, or undefined when absent, invalid, expired or revoked. */
    function userOf(request: FastifyRequest): AuthUser | undefined {
      const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
      if (!token) return undefined;
      let claims: unknown;
      try {
        claims = app.jwt.verify(token, { clockTimestamp: app.clock().getTime() });
      } catch {
        return undefined;
      }
      if (!isAccessClaims(claims) || sessions.isRevoked(claims.sid)) return undefined;
      return { id: claims.sub, role: claims.role, sid: claims.sid };
    }

    const authenticate: Guard = async (request, reply) => {
      const user = userOf(request);
      if (!user) {
        reply.header('www-authenticate', 'Bearer');
        throw unauthorized(
          request.headers.authorization ? 'Invalid or expired access token' : 'Authentication required',
        );
      }
      request.user = user;
    };

    app.decorate('authenticate', authenticate);
    app.decorate('requireRole', (...roles: Role[]): Guard => {
      return async (request, reply) => {
        await authenticate(request, reply);
        if (!roles.includes(request.user.role)) throw forbidden();
      };
    });
    app.decorate('optionalAuth', async (request: FastifyRequest) => {
      const user = userOf(request);
      if (user) request.user = user;
    });
    app.decorate('signAccessToken', (user: AuthUser) =>
      app.jwt.sign(
        { sub: user.id, role: user.role, sid: user.sid },
        { clockTimestamp: app.clock().getTime() },
      ),
    );
  },
  { name: 'auth', dependencies: ['db', 'clock'] },
);
