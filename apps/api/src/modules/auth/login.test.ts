import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp, STRONG_PASSWORD, signIn } from '../../../test/auth.ts';
import { createTestClock } from '../../../test/clock.ts';
import { createRecordingMailer } from '../../../test/fakes/recording-mailer.ts';
import { postJson } from '../../../test/http.ts';

const clock = createTestClock();
const mail = createRecordingMailer();
const ctx = await useTestApp({}, { clock: clock.now, mailer: mail.mailer });
const { app } = ctx;
const db = ctx.database.handle.db;
const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

const login = (email: string, password: string, extra: Record<string, unknown> = {}, ip = nextIp()) =>
  postJson(app, '/auth/login', { email, password, ...extra }, { ip });

const auditActions = async (actorEmail: string) =>
  (await db.select().from(schema.auditLog).where(eq(schema.auditLog.actorEmail, actorEmail))).map(
    (row) => row.action,
  );

describe('POST /auth/login', () => {
  it('answers tokens, the user and an httpOnly SameSite=Strict refresh cookie scoped to /api/v1/auth', async () => {
    const { user, password } = await createUser(db);
    const res = await login(user.email, password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      expiresIn: 900,
      user: { id: user.id, email: user.email, role: 'customer', emailVerified: true, mfaEnabled: false },
    });
    expect(body.refreshToken).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = res.cookies.find((c) => c.name === 'sc_refresh')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.maxAge).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);
  });

  it('returns the refresh token in the body only for client: "api"', async () => {
    const { user, password } = await createUser(db);
    const res = await login(user.email, password, { client: 'api' });
    expect(res.json().refreshToken).toEqual(expect.any(String));
  });

  it('accepts the email in any case and with surrounding spaces', async () => {
    const { user, password } = await createUser(db);
    expect((await login(`  ${user.email.toUpperCase()} `, password)).statusCode).toBe(200);
  });

  it('answers unknown emails and wrong passwords with the same 401 problem', async () => {
    const { user } = await createUser(db);
    const wrong = await login(user.email, 'Wrong-Password-1');
    const unknown = await login('nobody-here@example.test', 'Wrong-Password-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it('audits successes and failures with the attempted email', async () => {
    const { user, password } = await createUser(db);
    await login(user.email, 'Wrong-Password-1');
    await login(user.email, password);
    const rows = await db.select().from(schema.auditLog).where(eq(schema.auditLog.actorEmail, user.email));
    expect(rows.map((row) => row.action).sort()).toEqual(['auth.login.failed', 'auth.login.succeeded']);
    expect(rows.every((row) => row.actorId === user.id && row.ip && row.requestId)).toBe(true);
    await login('ghost@example.test', 'Wrong-Password-1');
    const [ghost] = await db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.actorEmail, 'ghost@example.test'));
    expect(ghost).toMatchObject({ action: 'auth.login.failed', actorId: null });
  });

  it('treats an erased (deleted) account like an unknown email', async () => {
    const { user, password } = await createUser(db);
    await db.update(schema.users).set({ deletedAt: new Date() }).where(eq(schema.users.id, user.id));
    expect((await login(user.email, password)).statusCode).toBe(401);
  });

  it('answers 423 for an account an admin locked, but only to someone with the right password', async () => {
    const { user, password } = await createUser(db);
    await db.update(schema.users).set({ lockedAt: new Date() }).where(eq(schema.users.id, user.id));
    expect((await login(user.email, 'Wrong-Password-1')).statusCode).toBe(401);
    const res = await login(user.email, password);
    expect(res.statusCode).toBe(423);
    expect(res.json().code).toBe('account_locked');
  });
});

describe('lockout', () => {
  it('answers 401 to attempts 1–5, then 423 for 15 minutes even with the right password', async () => {
    const { user, password } = await createUser(db);
    const ip = nextIp();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login(user.email, `Wrong-Password-${attempt}`, {}, ip)).statusCode).toBe(401);
    }
    const locked = await login(user.email, password, {}, ip);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('login_locked');
    clock.advance(FIFTEEN_MINUTES_MS - 1000);
    expect((await login(user.email, password)).statusCode).toBe(423);
    clock.advance(2000);
    expect((await login(user.email, password)).statusCode).toBe(200);
  });

  it('emails the owner once when the lock starts, and audits it', async () => {
    const { user } = await createUser(db);
    for (let attempt = 1; attempt <= 7; attempt++) await login(user.email, `Wrong-Password-${attempt}`);
    await app.outbox.idle();
    const notices = mail.sent.filter((m) => m.to === user.email && m.kind === 'account_locked');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('http://shop.test/forgot-password');
    expect((await auditActions(user.email)).filter((a) => a === 'auth.locked')).toHaveLength(1);
  });

  it('locks an unknown email exactly the same way', async () => {
    const email = 'never-registered@example.test';
    const statuses = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      statuses.push((await login(email, `Wrong-Password-${attempt}`)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 423]);
    expect(await auditActions(email)).toContain('auth.locked');
  });

  it('lets a parallel burst of 20 wrong attempts make at most 5 guesses', async () => {
    const { user } = await createUser(db);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(user.email, `Wrong-Password-${i}`)),
    );
    const statuses = results.map((res) => res.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 423).length).toBeGreaterThanOrEqual(15);
    expect((await login(user.email, STRONG_PASSWORD)).statusCode).toBe(423);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const { user, password } = await createUser(db);
    for (let attempt = 1; attempt <= 4; attempt++) await login(user.email, `Wrong-Password-${attempt}`);
    expect((await login(user.email, password)).statusCode).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await login(user.email, `Wrong-Password-${attempt}`)).statusCode).toBe(401);
    }
    expect((await login(user.email, password)).statusCode).toBe(200);
  });
});

describe('per-IP limits', () => {
  it('answers the 11th login in a minute from one IP with 429, Retry-After and problem+json', async () => {
    const ip = nextIp();
    for (let i = 0; i < 10; i++) await login(`rate-${i}@example.test`, 'Wrong-Password-1', {}, ip);
    const res = await login('rate-x@example.test', 'Wrong-Password-1', {}, ip);
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await login('rate-y@example.test', 'Wrong-Password-1')).statusCode).toBe(401);
  });

  it('ignores X-Forwarded-For when TRUST_PROXY is off (a client cannot pick its own IP)', async () => {
    const ip = nextIp();
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      const res = await postJson(
        app,
        '/auth/login',
        { email: `xff-${i}@example.test`, password: 'Wrong-Password-1' },
        { ip, headers: { 'x-forwarded-for': `198.51.100.${i}` } },
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    const { user, password } = await createUser(db);
    const fresh = nextIp();
    const res = await postJson(
      app,
      '/auth/login',
      { email: user.email, password },
      { ip: fresh, headers: { 'x-forwarded-for': '198.51.100.7' } },
    );
    const sessions = await app.inject({
      url: '/api/v1/auth/sessions',
      headers: { authorization: `Bearer ${res.json().accessToken}` },
    });
    expect(sessions.json().items[0].ip).toBe(fresh);
  });
});

describe('privacy policy re-acceptance', () => {
  it('answers 428 after the policy changed, then signs in with acceptPrivacy: true and records it', async () => {
    const { user, password } = await createUser(db, { privacyPolicyVersion: '2025-06' });
    const first = await login(user.email, password);
    expect(first.statusCode).toBe(428);
    expect(first.json()).toMatchObject({ code: 'privacy_policy_update_required' });
    expect(first.cookies).toHaveLength(0);
    const second = await login(user.email, password, { acceptPrivacy: true });
    expect(second.statusCode).toBe(200);
    const [row] = await db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(row!.privacyPolicyVersion).toBe('2026-01');
    expect((await login(user.email, password)).statusCode).toBe(200);
  });
});

describe('sessions at login', () => {
  it('ignores rememberMe for admins', async () => {
    const { user, password } = await createUser(db, { role: 'admin' });
    const res = await login(user.email, password, { rememberMe: true });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'sc_refresh')!.maxAge).toBeUndefined();
    const sessions = await db.select().from(schema.sessions).where(eq(schema.sessions.userId, user.id));
    expect(sessions.map((s) => s.rememberMe)).toEqual([false]);
  });

  it('gives a remember-me customer a persistent cookie and a 30-day session', async () => {
    const { user, password } = await createUser(db);
    const res = await login(user.email, password, { rememberMe: true });
    expect(res.cookies.find((c) => c.name === 'sc_refresh')!.maxAge).toBe(30 * 24 * 60 * 60);
  });

  it('keeps at most 5 live sessions: a sixth sign-in ends the oldest', async () => {
    const { user, password } = await createUser(db);
    const signedIn = [];
    for (let i = 0; i < 6; i++) {
      signedIn.push(await signIn(app, user.email, password));
      clock.advance(1000);
    }
    const all = await db.select().from(schema.sessions).where(eq(schema.sessions.userId, user.id));
    expect(all.filter((s) => s.revokedAt === null)).toHaveLength(5);
    const [oldest] = await db
      .select()
      .from(schema.sessions)
      .where(eq(schema.sessions.id, signedIn[0]!.sessionId));
    expect(oldest).toMatchObject({ revokedReason: 'session_limit' });
    const refused = await postJson(app, '/auth/refresh', { refreshToken: signedIn[0]!.refreshToken });
    expect(refused.statusCode).toBe(401);
    const list = await app.inject({ url: '/api/v1/auth/sessions', headers: signedIn[5]!.auth });
    expect(list.json().total).toBe(5);
    const oldToken = await app.inject({ url: '/api/v1/auth/sessions', headers: signedIn[0]!.auth });
    expect(oldToken.statusCode).toBe(401);
  });
});
