import { type Executor, schema } from '@securecart/db';
import { and, count, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';

const { sessions, refreshTokens, users } = schema;

const live = (now: Date) => and(isNull(sessions.revokedAt), gt(sessions.expiresAt, now));

export interface NewSession {
  userId: string;
  rememberMe: boolean;
  ip: string;
  userAgent: string | undefined;
  now: Date;
  expiresAt: Date;
}

export function sessionsQueries(db: Executor) {
  return {
    async revokeAllForUser(
      userId: string,
      reason: string,
      now: Date,
      exceptSessionId: string | undefined,
      tx: Executor = db,
    ): Promise<string[]> {
      const rows = await tx
        .update(sessions)
        .set({ revokedAt: now, revokedReason: reason })
        .where(
          and(
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
          ),
        )
        .returning({ id: sessions.id });
      return rows.map((row) => row.id);
    },

    /** Revokes one live session, optionally only if it belongs to `userId`; false when none matched. */
    async revokeSession(
      sessionId: string,
      reason: string,
      now: Date,
      ownerId?: string,
      tx: Executor = db,
    ): Promise<boolean> {
      const rows = await tx
        .update(sessions)
        .set({ revokedAt: now, revokedReason: reason })
        .where(
          and(
            eq(sessions.id, sessionId),
            isNull(sessions.revokedAt),
            ownerId ? eq(sessions.userId, ownerId) : undefined,
          ),
        )
        .returning({ id: sessions.id });
      return rows.length > 0;
    },

    /** Serialises session creation per user, so the live-session cap holds under parallel logins. */
    async lockUser(userId: string, tx: Executor) {
      await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    },

    async insertSession(session: NewSession, tx: Executor = db): Promise<string> {
      const [row] = await tx
        .insert(sessions)
        .values({
          userId: session.userId,
          rememberMe: session.rememberMe,
          ip: session.ip,
          userAgent: session.userAgent,
          createdAt: session.now,
          lastUsedAt: session.now,
          expiresAt: session.expiresAt,
        })
        .returning({ id: sessions.id });
      return row!.id;
    },

    async insertRefreshToken(sessionId: string, tokenHash: string, now: Date, tx: Executor = db) {
      await tx.insert(refreshTokens).values({ sessionId, tokenHash, createdAt: now });
    },

    /** Revokes the oldest live sessions beyond `keep`, newest kept. */
    async revokeBeyond(userId: string, keep: number, now: Date, tx: Executor = db): Promise<string[]> {
      const surplus = tx
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), live(now)))
        .orderBy(desc(sessions.createdAt), desc(sessions.id))
        .offset(keep);
      const rows = await tx
        .update(sessions)
        .set({ revokedAt: now, revokedReason: 'session_limit' })
        .where(sql`${sessions.id} in ${surplus}`)
        .returning({ id: sessions.id });
      return rows.map((row) => row.id);
    },

    /**
     * The rotation itself: one statement, so of two requests racing with one token exactly one
     * gets the session id back; the other sees an already-rotated token.
     */
    async rotateRefreshToken(tokenHash: string, now: Date, tx: Executor = db): Promise<string | undefined> {
      const [row] = await tx
        .update(refreshTokens)
        .set({ rotatedAt: now })
        .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.rotatedAt)))
        .returning({ sessionId: refreshTokens.sessionId });
      return row?.sessionId;
    },

    async findRefreshToken(tokenHash: string, tx: Executor = db) {
      const [row] = await tx
        .select({
          sessionId: refreshTokens.sessionId,
          rotatedAt: refreshTokens.rotatedAt,
          userId: sessions.userId,
        })
        .from(refreshTokens)
        .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
        .where(eq(refreshTokens.tokenHash, tokenHash));
      return row;
    },

    async findSessionWithUser(sessionId: string, tx: Executor = db) {
      const [row] = await tx
        .select({
          id: sessions.id,
          rememberMe: sessions.rememberMe,
          expiresAt: sessions.expiresAt,
          revokedAt: sessions.revokedAt,
          user: {
            id: users.id,
            email: users.email,
            role: users.role,
            lockedAt: users.lockedAt,
            deletedAt: users.deletedAt,
          },
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, sessionId));
      return row;
    },

    async touchSession(sessionId: string, now: Date, expiresAt: Date, tx: Executor = db) {
      await tx.update(sessions).set({ lastUsedAt: now, expiresAt }).where(eq(sessions.id, sessionId));
    },

    async listLive(userId: string, now: Date, limit: number, offset: number) {
      const where = and(eq(sessions.userId, userId), live(now));
      const [rows, [counted]] = await Promise.all([
        db
          .select({
            id: sessions.id,
            createdAt: sessions.createdAt,
            lastUsedAt: sessions.lastUsedAt,
            userAgent: sessions.userAgent,
            ip: sessions.ip,
          })
          .from(sessions)
          .where(where)
          .orderBy(desc(sessions.lastUsedAt), desc(sessions.id))
          .limit(limit)
          .offset(offset),
        db.select({ total: count() }).from(sessions).where(where),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },
  };
}
export type SessionsQueries = ReturnType<typeof sessionsQueries>;
