import type { Database, Executor } from '@securecart/db';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import type { SessionsQueries } from './sessions-queries.ts';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const REMEMBER_ME_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export const MAX_LIVE_SESSIONS = 5;

export interface StartSession {
  userId: string;
  rememberMe: boolean;
  ip: string;
  userAgent: string | undefined;
}

type SessionUser = NonNullable<Awaited<ReturnType<SessionsQueries['findSessionWithUser']>>>['user'];

export type RotationResult =
  | {
      kind: 'rotated';
      sessionId: string;
      user: SessionUser;
      refreshToken: string;
      rememberMe: boolean;
      expiresAt: Date;
    }
  /** An already-rotated token came back: the session (the whole rotation family) is now revoked. */
  | { kind: 'reused'; sessionId: string; userId: string }
  | { kind: 'invalid' };

export type EndResult =
  | { kind: 'ended'; sessionId: string; userId: string }
  | { kind: 'reused'; sessionId: string; userId: string }
  | { kind: 'invalid' };

export interface SessionsDeps {
  db: Database;
  queries: SessionsQueries;
  clock: () => Date;
  /** How long this instance remembers a revoked session id: the access-token lifetime. */
  revocationMemoryMs: number;
}

/**
 * Sessions and their refresh-token families. Revocation is written to the database (refreshes
 * fail everywhere at once) and remembered in-process for an access-token lifetime, so a revoked
 * session's access tokens die immediately on this instance and within 15 min on the others.
 */
export function sessionsService({ db, queries, clock, revocationMemoryMs }: SessionsDeps) {
  const revoked = new Map<string, number>();

  function remember(sessionIds: string[]) {
    const now = clock().getTime();
    for (const [id, forgetAt] of revoked) if (forgetAt <= now) revoked.delete(id);
    for (const id of sessionIds) revoked.set(id, now + revocationMemoryMs);
  }

  const expiryOf = (rememberMe: boolean, now: Date) =>
    new Date(now.getTime() + (rememberMe ? REMEMBER_ME_LIFETIME_MS : IDLE_TIMEOUT_MS));

  return {
    isRevoked(sessionId: string): boolean {
      const forgetAt = revoked.get(sessionId);
      return forgetAt !== undefined && forgetAt > clock().getTime();
    },

    async revokeAllForUser(
      userId: string,
      reason: string,
      options: { exceptSessionId?: string } = {},
      tx?: Executor,
    ): Promise<string[]> {
      const ids = await queries.revokeAllForUser(userId, reason, clock(), options.exceptSessionId, tx);
      remember(ids);
      return ids;
    },

    async revokeSession(sessionId: string, reason: string, tx?: Executor): Promise<boolean> {
      const done = await queries.revokeSession(sessionId, reason, clock(), undefined, tx);
      if (done) remember([sessionId]);
      return done;
    },

    /** A user ending one of their own sessions; false (→ 404) for anyone else's or a dead one. */
    async revokeOwn(userId: string, sessionId: string): Promise<boolean> {
      const done = await queries.revokeSession(sessionId, 'user_revoked', clock(), userId);
      if (done) remember([sessionId]);
      return done;
    },

    /** Opens a session with its first refresh token; beyond the cap the oldest live session ends. */
    async start(input: StartSession, tx?: Executor) {
      const now = clock();
      const refreshToken = randomToken();
      const work = async (t: Executor) => {
        await queries.lockUser(input.userId, t);
        const sessionId = await queries.insertSession(
          { ...input, now, expiresAt: expiryOf(input.rememberMe, now) },
          t,
        );
        await queries.insertRefreshToken(sessionId, sha256(refreshToken), now, t);
        const evicted = await queries.revokeBeyond(input.userId, MAX_LIVE_SESSIONS, now, t);
        return { sessionId, evicted };
      };
      const { sessionId, evicted } = tx ? await work(tx) : await db.transaction(work);
      remember(evicted);
      return { sessionId, refreshToken, expiresAt: expiryOf(input.rememberMe, now) };
    },

    async rotate(token: string): Promise<RotationResult> {
      const now = clock();
      const hash = sha256(token);
      const result = await db.transaction(async (tx): Promise<RotationResult> => {
        const sessionId = await queries.rotateRefreshToken(hash, now, tx);
        if (!sessionId) {
          const known = await queries.findRefreshToken(hash, tx);
          if (!known) return { kind: 'invalid' };
          await queries.revokeSession(known.sessionId, 'refresh_reuse', now, undefined, tx);
          return { kind: 'reused', sessionId: known.sessionId, userId: known.userId };
        }
        const session = await queries.findSessionWithUser(sessionId, tx);
        if (!session || session.revokedAt) return { kind: 'invalid' };
        const reason =
          session.expiresAt <= now
            ? 'expired'
            : session.user.lockedAt || session.user.deletedAt
              ? 'account_locked'
              : undefined;
        if (reason) {
          await queries.revokeSession(sessionId, reason, now, undefined, tx);
          return { kind: 'invalid' };
        }
        const refreshToken = randomToken();
        await queries.insertRefreshToken(sessionId, sha256(refreshToken), now, tx);
        // Idle sessions slide; a remember-me session keeps its absolute end.
        const expiresAt = session.rememberMe ? session.expiresAt : expiryOf(false, now);
        await queries.touchSession(sessionId, now, expiresAt, tx);
        return {
          kind: 'rotated',
          sessionId,
          user: session.user,
          refreshToken,
          rememberMe: session.rememberMe,
          expiresAt,
        };
      });
      if (result.kind === 'reused') remember([result.sessionId]);
      return result;
    },

    /** Logout: ends the token's session; a rotated token is reuse and ends the family just the same. */
    async end(token: string): Promise<EndResult> {
      const now = clock();
      const known = await queries.findRefreshToken(sha256(token));
      if (!known) return { kind: 'invalid' };
      await queries.revokeSession(known.sessionId, known.rotatedAt ? 'refresh_reuse' : 'logout', now);
      remember([known.sessionId]);
      return { kind: known.rotatedAt ? 'reused' : 'ended', sessionId: known.sessionId, userId: known.userId };
    },

    async list(userId: string, currentSessionId: string, page: number, pageSize: number) {
      const { rows, total } = await queries.listLive(userId, clock(), pageSize, (page - 1) * pageSize);
      const items = rows.map((row) => ({
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        lastUsedAt: row.lastUsedAt.toISOString(),
        userAgent: row.userAgent,
        ip: row.ip,
        current: row.id === currentSessionId,
      }));
      return { items, page, pageSize, total };
    },
  };
}
export type SessionsService = ReturnType<typeof sessionsService>;
