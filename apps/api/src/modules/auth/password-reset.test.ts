import { schema } from '@securecart/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp, signIn } from '../../../test/auth.ts';
import { createTestClock } from '../../../test/clock.ts';
import { createRecordingMailer } from '../../../test/fakes/recording-mailer.ts';
import { postJson } from '../../../test/http.ts';

const clock = createTestClock();
const mail = createRecordingMailer();
const ctx = await useTestApp({}, { clock: clock.now, mailer: mail.mailer });
const { app } = ctx;
const db = ctx.database.handle.db;
const NEW_PASSWORD = 'Lantern-Orchard-Fjord-58';

const forgot = (email: string) => postJson(app, '/auth/password/forgot', { email });
const reset = (token: string | undefined, newPassword = NEW_PASSWORD) =>
  postJson(app, '/auth/password/reset', { token, newPassword });
const login = (email: string, password: string) => postJson(app, '/auth/login', { email, password });
const sentOf = (email: string, kind: string) => mail.sent.filter((m) => m.to === email && m.kind === kind);

/** Asks for a reset link and returns its token. */
async function resetToken(email: string) {
  expect((await forgot(email)).statusCode).toBe(202);
  await app.outbox.idle();
  return mail.linkFrom(sentOf(email, 'password_reset').at(-1), '/reset-password');
}

describe('POST /auth/password/forgot', () => {
  it('answers 202 with the same body for known and unknown emails; only the known one gets a link', async () => {
    const { user } = await createUser(db);
    const known = await forgot(user.email);
    const unknown = await forgot('no-account@example.test');
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    await app.outbox.idle();
    expect(mail.lastTo('no-account@example.test')).toBeUndefined();
    const message = mail.lastTo(user.email)!;
    expect(message.kind).toBe('password_reset');
    expect(message.text).toMatch(/http:\/\/shop\.test\/reset-password\?token=[A-Za-z0-9_-]{43}/);
  });

  it('sends at most 5 reset emails per address per hour, whatever the IP', async () => {
    const { user } = await createUser(db);
    for (let i = 0; i < 6; i++) expect((await forgot(user.email)).statusCode).toBe(202);
    await app.outbox.idle();
    expect(sentOf(user.email, 'password_reset')).toHaveLength(5);
    clock.advance(60 * 60 * 1000 + 1000);
    await forgot(user.email);
    await app.outbox.idle();
    expect(sentOf(user.email, 'password_reset')).toHaveLength(6);
  });

  it('limits requests to 5 per minute per IP', async () => {
    const ip = nextIp();
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await postJson(app, '/auth/password/forgot', { email: `x${i}@example.test` }, { ip })).statusCode,
      );
    }
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('POST /auth/password/reset', () => {
  it('sets the new password, ends every session, and emails a notice', async () => {
    const { user, password } = await createUser(db);
    const sessions = [await signIn(app, user.email, password), await signIn(app, user.email, password)];
    const token = await resetToken(user.email);
    expect((await reset(token)).statusCode).toBe(204);
    for (const session of sessions) {
      expect((await postJson(app, '/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(
        401,
      );
      expect((await app.inject({ url: '/api/v1/auth/sessions', headers: session.auth })).statusCode).toBe(
        401,
      );
    }
    expect((await login(user.email, password)).statusCode).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
    await app.outbox.idle();
    expect(mail.lastTo(user.email)!.kind).toBe('password_changed');
    const audit = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'auth.password.reset'), eq(schema.auditLog.actorId, user.id)));
    expect(audit).toHaveLength(1);
  });

  it('works while sign-in is locked, and lifts the lock', async () => {
    const { user, password } = await createUser(db);
    for (let i = 1; i <= 5; i++) await login(user.email, `Wrong-Password-${i}`);
    expect((await login(user.email, password)).statusCode).toBe(423);
    const token = await resetToken(user.email);
    expect(token).toBeDefined();
    expect((await reset(token)).statusCode).toBe(204);
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('works once: the same token again is a 400, and so is any other open link', async () => {
    const { user } = await createUser(db);
    const first = await resetToken(user.email);
    const second = await resetToken(user.email);
    expect((await reset(second)).statusCode).toBe(204);
    const again = await reset(second, 'Another-Strong-Pass-77');
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invalid_token');
    expect((await reset(first, 'Another-Strong-Pass-77')).statusCode).toBe(400);
  });

  it('refuses a token older than 30 minutes', async () => {
    const { user, password } = await createUser(db);
    const token = await resetToken(user.email);
    clock.advance(30 * 60 * 1000 + 1000);
    expect((await reset(token)).statusCode).toBe(400);
    expect((await login(user.email, password)).statusCode).toBe(200);
  });

  it('refuses a weak new password without spending the token', async () => {
    const { user } = await createUser(db);
    const token = await resetToken(user.email);
    const weak = await reset(token, 'Password1!');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ path: 'newPassword' });
    expect((await reset(token)).statusCode).toBe(204);
  });

  it('refuses made-up tokens', async () => {
    expect((await reset('made-up-token')).statusCode).toBe(400);
  });
});
