import { schema } from '@securecart/db';
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';
import { createTestClock } from '../../../test/clock.ts';
import { postJson } from '../../../test/http.ts';

const clock = createTestClock();
const ctx = await useTestApp({}, { clock: clock.now });
// Behind a TLS-terminating proxy: tells HTTPS from the forwarded protocol.
const httpsCtx = await useTestApp({ trustProxy: true });
const { app } = ctx;
const db = ctx.database.handle.db;
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

// One account for every test that only opens and ends its own sessions (argon2 is slow on purpose).
const shared = await createUser(db);
const newSession = (options: { rememberMe?: boolean } = {}) =>
  signIn(app, shared.user.email, shared.password, options);

const refreshWithBody = (refreshToken: string) => postJson(app, '/auth/refresh', { refreshToken });
const refreshWithCookie = (session: SignedIn, headers: Record<string, string> = { 'x-csrf': '1' }) =>
  postJson(app, '/auth/refresh', undefined, { headers: { cookie: session.cookie, ...headers } });
const sessionsWith = (accessToken: string) =>
  app.inject({ url: '/api/v1/auth/sessions', headers: { authorization: `Bearer ${accessToken}` } });
const auditCount = async (action: string, sessionId: string) =>
  (
    await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.targetId, sessionId)))
  ).length;

describe('POST /auth/refresh', () => {
  it('rotates: a new access token for the same session and a new refresh token in the body', async () => {
    const session = await newSession();
    const res = await refreshWithBody(session.refreshToken);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ expiresIn: 900 });
    expect(body.refreshToken).not.toBe(session.refreshToken);
    const list = await sessionsWith(body.accessToken);
    expect(list.json().items.find((s: { current: boolean }) => s.current).id).toBe(session.sessionId);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('detects reuse: an already-rotated token revokes the whole family, the new token included', async () => {
    const session = await newSession();
    const rotated = (await refreshWithBody(session.refreshToken)).json();
    const replay = await refreshWithBody(session.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('refresh_token_reused');
    expect((await refreshWithBody(rotated.refreshToken)).statusCode).toBe(401);
    // The revoked session's access token dies at once on this instance.
    expect((await sessionsWith(rotated.accessToken)).statusCode).toBe(401);
    expect(await auditCount('auth.refresh.reuse_detected', session.sessionId)).toBe(1);
  });

  it('lets exactly one of two concurrent refreshes with one token succeed and never forks the session', async () => {
    const session = await newSession();
    const results = await Promise.all([
      refreshWithBody(session.refreshToken),
      refreshWithBody(session.refreshToken),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const liveTokens = await db
      .select()
      .from(schema.refreshTokens)
      .innerJoin(schema.sessions, eq(schema.sessions.id, schema.refreshTokens.sessionId))
      .where(
        and(
          eq(schema.refreshTokens.sessionId, session.sessionId),
          isNull(schema.refreshTokens.rotatedAt),
          isNull(schema.sessions.revokedAt),
        ),
      );
    // Never two live chains. The loser presented a token that was rotated by then, which the contract
    // treats as reuse: the family ends, so the winner's token is dead too (the client serialises refreshes).
    expect(liveTokens).toHaveLength(0);
    expect((await refreshWithBody(winner.refreshToken)).statusCode).toBe(401);
    expect(await auditCount('auth.refresh.reuse_detected', session.sessionId)).toBe(1);
  });

  it('refuses unknown tokens and a request with no token at all', async () => {
    expect((await refreshWithBody('not-a-real-token')).statusCode).toBe(401);
    expect((await postJson(app, '/auth/refresh', undefined, { headers: { 'x-csrf': '1' } })).statusCode).toBe(
      401,
    );
  });

  it('refuses a refresh after logout', async () => {
    const session = await newSession();
    expect((await postJson(app, '/auth/logout', { refreshToken: session.refreshToken })).statusCode).toBe(
      204,
    );
    expect((await refreshWithBody(session.refreshToken)).statusCode).toBe(401);
    expect((await sessionsWith(session.accessToken)).statusCode).toBe(401);
    expect(await auditCount('auth.logout', session.sessionId)).toBe(1);
  });

  it('counts a logout with an already-rotated token as reuse and ends the family', async () => {
    const session = await newSession();
    const rotated = (await refreshWithBody(session.refreshToken)).json();
    expect((await postJson(app, '/auth/logout', { refreshToken: session.refreshToken })).statusCode).toBe(
      204,
    );
    expect((await refreshWithBody(rotated.refreshToken)).statusCode).toBe(401);
    expect(await auditCount('auth.refresh.reuse_detected', session.sessionId)).toBe(1);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const session = await newSession();
    clock.advance(29 * MINUTE_MS);
    const kept = await refreshWithBody(session.refreshToken);
    expect(kept.statusCode).toBe(200);
    clock.advance(31 * MINUTE_MS);
    expect((await refreshWithBody(kept.json().refreshToken)).statusCode).toBe(401);
  });

  it('keeps a remember-me session through 31 idle minutes, but not past 30 days', async () => {
    const session = await newSession({ rememberMe: true });
    clock.advance(31 * MINUTE_MS);
    const kept = await refreshWithBody(session.refreshToken);
    expect(kept.statusCode).toBe(200);
    clock.advance(30 * DAY_MS);
    expect((await refreshWithBody(kept.json().refreshToken)).statusCode).toBe(401);
  });

  it('reloads the user: a role change shows in the new access token; a lock or erasure ends the session', async () => {
    const { user, password } = await createUser(db);
    const first = await signIn(app, user.email, password);
    const second = await signIn(app, user.email, password);
    await db.update(schema.users).set({ role: 'seller' }).where(eq(schema.users.id, user.id));
    const promoted = (await refreshWithBody(first.refreshToken)).json();
    const claims = JSON.parse(Buffer.from(promoted.accessToken.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ role: 'seller', sid: first.sessionId, sub: user.id });
    await db.update(schema.users).set({ lockedAt: new Date() }).where(eq(schema.users.id, user.id));
    expect((await refreshWithBody(promoted.refreshToken)).statusCode).toBe(401);
    await db
      .update(schema.users)
      .set({ lockedAt: null, deletedAt: new Date() })
      .where(eq(schema.users.id, user.id));
    expect((await refreshWithBody(second.refreshToken)).statusCode).toBe(401);
  });
});

describe('cookie mode and CSRF', () => {
  it('rotates the cookie when X-CSRF: 1 is sent', async () => {
    const session = await newSession();
    const res = await refreshWithCookie(session);
    expect(res.statusCode).toBe(200);
    expect(res.json().refreshToken).toBeUndefined();
    const cookie = res.cookies.find((c) => c.name === 'sc_refresh')!;
    expect(cookie.value).not.toBe(session.refreshToken);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
  });

  it('refuses the cookie without X-CSRF: 1 (403) and leaves the token unspent', async () => {
    const session = await newSession();
    const res = await refreshWithCookie(session, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_header_missing');
    expect((await refreshWithCookie(session)).statusCode).toBe(200);
  });

  it('refuses a foreign Origin even with X-CSRF: 1, but accepts the shop origin', async () => {
    const session = await newSession();
    const foreign = await refreshWithCookie(session, { 'x-csrf': '1', origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    const own = await refreshWithCookie(session, { 'x-csrf': '1', origin: 'http://shop.test' });
    expect(own.statusCode).toBe(200);
  });

  it('guards logout by cookie the same way', async () => {
    const session = await newSession();
    const headers = { cookie: session.cookie };
    expect((await postJson(app, '/auth/logout', undefined, { headers })).statusCode).toBe(403);
    const res = await postJson(app, '/auth/logout', undefined, { headers: { ...headers, 'x-csrf': '1' } });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'sc_refresh')!.value).toBe('');
    expect((await refreshWithBody(session.refreshToken)).statusCode).toBe(401);
  });

  it('needs no CSRF header for a token in the body', async () => {
    const session = await newSession();
    const res = await postJson(
      app,
      '/auth/refresh',
      { refreshToken: session.refreshToken },
      {
        headers: { origin: 'https://evil.example' },
      },
    );
    expect(res.statusCode).toBe(200);
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const { user, password } = await createUser(httpsCtx.database.handle.db);
    const res = await httpsCtx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: user.email, password },
    });
    expect(res.cookies.find((c) => c.name === 'sc_refresh')!.secure).toBe(true);
  });
});
