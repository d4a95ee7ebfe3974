import { schema } from '@securecart/db';
import { eq, inArray } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp, type SignedIn, signIn } from '../../../test/auth.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;
const { users, sessions, refreshTokens, addresses, emailTokens, mfaRecoveryCodes, auditLog } = schema;

type Method = 'GET' | 'POST' | 'DELETE';
const call = (method: Method, url: string, payload?: object, session?: SignedIn) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: session?.auth, payload, remoteAddress: nextIp() });

const HOME = {
  name: 'Ada Lovelace',
  line1: '12 Ada Row',
  city: 'London',
  postalCode: 'SW1A 1AA',
  country: 'GB',
};

/** A user with something in every table the account module owns: addresses, 2FA, a pending email change. */
async function populatedAccount() {
  const { user, password } = await createUser(db, { name: 'Ada Lovelace' });
  const session = await signIn(ctx.app, user.email, password);
  // Signed in before 2FA is on, so no second factor is needed for it.
  const otherSession = await signIn(ctx.app, user.email, password);
  await call('POST', '/me/addresses', HOME, session);
  const { secret } = (await call('POST', '/auth/mfa/setup', { password }, session)).json();
  const enabled = await call('POST', '/auth/mfa/enable', { code: authenticator.generate(secret) }, session);
  expect(enabled.statusCode).toBe(200);
  await call(
    'POST',
    '/me/email',
    { currentPassword: password, newEmail: `next-${user.id}@example.test` },
    session,
  );
  return { user, password, session, otherSession, secret };
}

const userRow = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;

describe('GET /api/v1/me/export', () => {
  let account: Awaited<ReturnType<typeof populatedAccount>>;
  beforeAll(async () => {
    account = await populatedAccount();
  });

  it('downloads profile, addresses, sessions, privacy and own audit entries as a JSON attachment', async () => {
    const res = await call('GET', '/me/export', undefined, account.session);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="securecart-export.json"');
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['cache-control']).toBe('no-store');
    const document = res.json();
    expect(document.profile).toMatchObject({
      id: account.user.id,
      email: account.user.email,
      name: 'Ada Lovelace',
      mfaEnabled: true,
    });
    expect(document.privacy).toEqual({ policyVersion: '2026-01', acceptedAt: expect.any(String) });
    expect(document.addresses).toEqual([expect.objectContaining({ ...HOME, isDefault: true })]);
    expect(document.sessions.map((session: { id: string }) => session.id)).toContain(
      account.session.sessionId,
    );
    expect(document.auditLog.map((entry: { action: string }) => entry.action)).toContain('auth.mfa.enabled');
  });

  it('contains no password hash, TOTP secret, recovery code or token hash', async () => {
    const body = (await call('GET', '/me/export', undefined, account.session)).body;
    const row = await userRow(account.user.id);
    const sessionIds = (await db.select().from(sessions).where(eq(sessions.userId, account.user.id))).map(
      (s) => s.id,
    );
    const secrets = [
      row.passwordHash!,
      row.mfaSecretEnc!,
      account.secret,
      ...(await db.select().from(refreshTokens).where(inArray(refreshTokens.sessionId, sessionIds))).map(
        (token) => token.tokenHash,
      ),
      ...(await db.select().from(emailTokens).where(eq(emailTokens.userId, account.user.id))).map(
        (token) => token.tokenHash,
      ),
      ...(await db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, account.user.id))).map(
        (code) => code.codeHash,
      ),
    ];
    expect(secrets.length).toBeGreaterThan(13);
    for (const secret of secrets) expect(body).not.toContain(secret);
    expect(body).not.toMatch(/argon2|passwordHash|mfaSecret|tokenHash|codeHash/i);
  });

  it('includes sections other modules register, filtered through their schema', async () => {
    ctx.app.personalData.exportSections.push({
      key: 'wishlist',
      schema: z.array(z.object({ productId: z.string() })),
      load: async () => [{ productId: 'p1', internalNote: 'never exported' }],
    });
    try {
      const document = (await call('GET', '/me/export', undefined, account.session)).json();
      expect(document.wishlist).toEqual([{ productId: 'p1' }]);
    } finally {
      ctx.app.personalData.exportSections.pop();
    }
  });
});

describe('DELETE /api/v1/me', () => {
  it('refuses a wrong password with 403 and erases nothing', async () => {
    const { user, session } = await populatedAccount();
    const res = await call('DELETE', '/me', { password: 'Wrong-Password-1!' }, session);
    expect(res.statusCode).toBe(403);
    expect(await userRow(user.id)).toMatchObject({ email: user.email, deletedAt: null });
    expect(await db.select().from(addresses).where(eq(addresses.userId, user.id))).toHaveLength(1);
  });

  it('erases personal data in one go, ends every session and keeps the row', async () => {
    const { user, password, session, otherSession } = await populatedAccount();
    const res = await call('DELETE', '/me', { password }, session);
    expect(res.statusCode).toBe(204);

    expect(await userRow(user.id)).toMatchObject({
      email: `deleted+${user.id}@erased.invalid`,
      name: 'Deleted user',
      phone: null,
      dateOfBirth: null,
      passwordHash: null,
      emailVerifiedAt: null,
      mfaSecretEnc: null,
      mfaEnabledAt: null,
      mfaLastStep: null,
      privacyAcceptedAt: null,
      preferences: { language: 'en', currency: 'USD', marketingEmails: false },
      deletedAt: expect.any(Date),
    });
    for (const table of [addresses, emailTokens, mfaRecoveryCodes]) {
      expect(await db.select().from(table).where(eq(table.userId, user.id))).toHaveLength(0);
    }
    const left = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left.every((row) => row.revokedAt !== null && row.ip === null && row.userAgent === null)).toBe(
      true,
    );

    expect((await call('POST', '/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(
      401,
    );
    expect(
      (await call('POST', '/auth/refresh', { refreshToken: otherSession.refreshToken })).statusCode,
    ).toBe(401);
    expect((await call('GET', '/me', undefined, session)).statusCode).toBe(401);
    expect((await call('POST', '/auth/login', { email: user.email, password })).statusCode).toBe(401);

    const [erased] = await db.select().from(auditLog).where(eq(auditLog.action, 'user.erased'));
    expect(erased).toMatchObject({ actorId: user.id, targetId: user.id });
  });

  it('rolls everything back when a registered erasure step fails', async () => {
    const { user, password, session } = await populatedAccount();
    ctx.app.personalData.erasureSteps.push({
      name: 'failing-module',
      run: async () => {
        throw new Error('cannot anonymise orders right now');
      },
    });
    try {
      const res = await call('DELETE', '/me', { password }, session);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('anonymise');
    } finally {
      ctx.app.personalData.erasureSteps.pop();
    }
    expect(await userRow(user.id)).toMatchObject({
      email: user.email,
      deletedAt: null,
      passwordHash: user.passwordHash,
    });
    expect(await db.select().from(addresses).where(eq(addresses.userId, user.id))).toHaveLength(1);
    expect((await call('GET', '/me', undefined, session)).statusCode).toBe(200);
  });
});
