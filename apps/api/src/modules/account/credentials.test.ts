import { schema } from '@securecart/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp, STRONG_PASSWORD, signIn } from '../../../test/auth.ts';
import { createRecordingMailer } from '../../../test/fakes/recording-mailer.ts';
import { sha256 } from '../../lib/crypto.ts';

const mail = createRecordingMailer();
const ctx = await useTestApp({}, { mailer: mail.mailer });
const db = ctx.database.handle.db;
const NEW_PASSWORD = 'Copper-Lantern-Meadow-47';

const post = (url: string, payload: object, auth: { authorization?: string } = {}) =>
  ctx.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: auth, payload, remoteAddress: nextIp() });
const refresh = (refreshToken: string) => post('/auth/refresh', { refreshToken });
const login = (email: string, password: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: nextIp(),
  });
const userRow = async (id: string) =>
  (await db.select().from(schema.users).where(eq(schema.users.id, id)))[0]!;
const changeEmailTokens = (userId: string) =>
  db
    .select()
    .from(schema.emailTokens)
    .where(and(eq(schema.emailTokens.userId, userId), eq(schema.emailTokens.purpose, 'change_email')));

async function account() {
  const { user, password } = await createUser(db, { name: 'Ada Lovelace' });
  return { user, password, session: await signIn(ctx.app, user.email, password) };
}

describe('POST /api/v1/me/password', () => {
  it('refuses a wrong current password with 403 and keeps the old one', async () => {
    const { user, session } = await account();
    const res = await post(
      '/me/password',
      {
        currentPassword: 'Not-The-Password-1',
        newPassword: NEW_PASSWORD,
      },
      session.auth,
    );
    expect(res.statusCode).toBe(403);
    expect((await userRow(user.id)).passwordHash).toBe(user.passwordHash);
  });

  it('refuses a weak new password with a 400 listing every broken rule', async () => {
    const { session } = await account();
    const res = await post(
      '/me/password',
      { currentPassword: STRONG_PASSWORD, newPassword: 'abc' },
      session.auth,
    );
    expect(res.statusCode).toBe(400);
    const messages = res.json().errors.map((error: { path: string; message: string }) => {
      expect(error.path).toBe('newPassword');
      return error.message;
    });
    expect(messages).toEqual(
      expect.arrayContaining([
        'must be at least 8 characters',
        'must contain an upper-case letter',
        'must contain a digit',
        'must contain a special character',
      ]),
    );
  });

  it.each([
    ['a common password', 'Password1!'],
    ['one containing the name', 'Lovelace-Rocks-99'],
  ])('refuses %s', async (_case, newPassword) => {
    const { session } = await account();
    const res = await post('/me/password', { currentPassword: STRONG_PASSWORD, newPassword }, session.auth);
    expect(res.statusCode).toBe(400);
  });

  it('refuses the current password as the new one', async () => {
    const { session } = await account();
    const res = await post(
      '/me/password',
      {
        currentPassword: STRONG_PASSWORD,
        newPassword: STRONG_PASSWORD,
      },
      session.auth,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('password_unchanged');
  });

  it('changes it, keeps this session, signs every other one out and notifies the owner', async () => {
    const { user, session: here } = await account();
    const elsewhere = await signIn(ctx.app, user.email, STRONG_PASSWORD);
    const res = await post(
      '/me/password',
      {
        currentPassword: STRONG_PASSWORD,
        newPassword: NEW_PASSWORD,
      },
      here.auth,
    );
    expect(res.statusCode).toBe(204);

    expect((await refresh(elsewhere.refreshToken)).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: elsewhere.auth })).statusCode).toBe(401);
    expect((await refresh(here.refreshToken)).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: here.auth })).statusCode).toBe(200);

    expect((await login(user.email, STRONG_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).statusCode).toBe(200);

    await ctx.app.outbox.idle();
    expect(mail.lastTo(user.email)?.kind).toBe('password_changed');
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.actorId, user.id));
    expect(audit.map((entry) => entry.action)).toContain('auth.password.changed');
  });
});

describe('POST /api/v1/me/email', () => {
  it('refuses a wrong password with 403 and creates no token', async () => {
    const { user, session } = await account();
    const res = await post(
      '/me/email',
      {
        currentPassword: 'Wrong-Password-123',
        newEmail: 'someone.new@example.test',
      },
      session.auth,
    );
    expect(res.statusCode).toBe(403);
    expect(await changeEmailTokens(user.id)).toHaveLength(0);
  });

  it('sends a single-use link to the new address only, notifies the old one, and changes on confirmation', async () => {
    const { user, session } = await account();
    const newEmail = `moved-${user.id.slice(0, 8)}@example.test`;
    const res = await post(
      '/me/email',
      {
        currentPassword: STRONG_PASSWORD,
        newEmail: `  ${newEmail.toUpperCase()} `,
      },
      session.auth,
    );
    expect(res.statusCode).toBe(202);
    await ctx.app.outbox.idle();

    const token = mail.linkFrom(mail.lastTo(newEmail), '/verify-email');
    expect(token).toBeDefined();
    const oldNotice = mail.lastTo(user.email);
    expect(oldNotice?.kind).toBe('email_change_notice');
    expect(mail.linkFrom(oldNotice, '/verify-email')).toBeUndefined();

    const [stored] = await changeEmailTokens(user.id);
    expect(stored).toMatchObject({ newEmail, tokenHash: sha256(token!), usedAt: null });
    const ttlHours = (stored!.expiresAt.getTime() - stored!.createdAt.getTime()) / 3_600_000;
    expect(ttlHours).toBeCloseTo(24, 1);
    expect((await userRow(user.id)).email).toBe(user.email);

    const confirm = await post('/auth/verify-email', { token });
    expect(confirm.statusCode).toBe(204);
    expect((await userRow(user.id)).email).toBe(newEmail);
    const again = await post('/auth/verify-email', { token });
    expect(again.statusCode).toBe(400);
  });

  it('does not reveal that the new address already has an account', async () => {
    const { user: other } = await createUser(db);
    const { user, session } = await account();
    const free = await post(
      '/me/email',
      {
        currentPassword: STRONG_PASSWORD,
        newEmail: `free-${user.id.slice(0, 8)}@example.test`,
      },
      session.auth,
    );
    const taken = await post(
      '/me/email',
      {
        currentPassword: STRONG_PASSWORD,
        newEmail: other.email,
      },
      session.auth,
    );
    expect(taken.statusCode).toBe(202);
    expect(taken.body).toBe(free.body);

    await ctx.app.outbox.idle();
    const toOwner = mail.lastTo(other.email);
    expect(toOwner?.text).toContain('already has an account');
    expect(mail.linkFrom(toOwner, '/verify-email')).toBeUndefined();
    expect(mail.lastTo(user.email)?.kind).toBe('email_change_notice');
    // The free address's pending token is the only one; none was made for the taken address.
    expect((await changeEmailTokens(user.id)).map((token) => token.newEmail)).toEqual([
      `free-${user.id.slice(0, 8)}@example.test`,
    ]);
    expect((await userRow(other.id)).email).toBe(other.email);
  });

  it('refuses the current address and a malformed one with 400', async () => {
    const { user, session } = await account();
    const same = await post(
      '/me/email',
      { currentPassword: STRONG_PASSWORD, newEmail: user.email },
      session.auth,
    );
    expect(same.statusCode).toBe(400);
    const bad = await post(
      '/me/email',
      { currentPassword: STRONG_PASSWORD, newEmail: 'not-an-email' },
      session.auth,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('newEmail');
  });
});
