import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp, type SignedIn, STRONG_PASSWORD, signIn } from '../../../test/auth.ts';
import { testConfig } from '../../../test/config.ts';
import { decrypt } from '../../lib/crypto.ts';
import { hashRecoveryCode } from '../../lib/totp.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;
const { users, mfaRecoveryCodes, auditLog } = schema;

const post = (url: string, session: SignedIn, payload: object, remoteAddress = nextIp()) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/v1/auth/mfa${url}`,
    headers: session.auth,
    payload,
    remoteAddress,
  });
const userRow = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
const codesOf = (userId: string) =>
  db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
/** The code the app shows one step (30 s) from now: valid within the drift window, and newer than any used now. */
const nextStepCode = (secret: string) => authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);

async function signedInUser() {
  const { user, password } = await createUser(db);
  return { user, session: await signIn(ctx.app, user.email, password) };
}

async function withMfa() {
  const account = await signedInUser();
  const { secret } = (await post('/setup', account.session, { password: STRONG_PASSWORD })).json();
  const code = authenticator.generate(secret);
  const { recoveryCodes } = (await post('/enable', account.session, { code })).json();
  return { ...account, secret, code, recoveryCodes: recoveryCodes as string[] };
}

describe('POST /api/v1/auth/mfa/setup', () => {
  it('needs the password (403) and stores nothing without it', async () => {
    const { user, session } = await signedInUser();
    const res = await post('/setup', session, { password: 'Wrong-Password-1!' });
    expect(res.statusCode).toBe(403);
    expect((await userRow(user.id)).mfaSecretEnc).toBeNull();
  });

  it('answers a secret, otpauth URI and QR code, and stores the secret only encrypted and not yet enabled', async () => {
    const { user, session } = await signedInUser();
    const res = await post('/setup', session, { password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCodeDataUrl } = res.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toBe(authenticator.keyuri(user.email, 'SecureCart', secret));
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const row = await userRow(user.id);
    expect(row.mfaSecretEnc).not.toContain(secret);
    expect(decrypt(testConfig().encryptionKey, row.mfaSecretEnc!)).toBe(secret);
    expect(row.mfaEnabledAt).toBeNull();
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: session.auth })).json().mfaEnabled).toBe(
      false,
    );
  });

  it('refuses while 2FA is already on (409) and keeps the enabled secret', async () => {
    const { user, session } = await withMfa();
    const before = (await userRow(user.id)).mfaSecretEnc;
    const res = await post('/setup', session, { password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect((await userRow(user.id)).mfaSecretEnc).toBe(before);
  });
});

describe('POST /api/v1/auth/mfa/enable', () => {
  it('answers 409 before any setup', async () => {
    const { session } = await signedInUser();
    expect((await post('/enable', session, { code: '123456' })).statusCode).toBe(409);
  });

  it('refuses a wrong code with 403 and stays off', async () => {
    const { user, session } = await signedInUser();
    const { secret } = (await post('/setup', session, { password: STRONG_PASSWORD })).json();
    const wrong = String((Number(authenticator.generate(secret)) + 1) % 1_000_000).padStart(6, '0');
    expect((await post('/enable', session, { code: wrong })).statusCode).toBe(403);
    expect((await post('/enable', session, { code: 'abcdef' })).statusCode).toBe(400);
    expect((await userRow(user.id)).mfaEnabledAt).toBeNull();
    expect(await codesOf(user.id)).toHaveLength(0);
  });

  it('turns 2FA on and answers ten recovery codes, stored only as hashes', async () => {
    const { user, session, recoveryCodes, code } = await withMfa();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const stored = await codesOf(user.id);
    expect(stored.map((row) => row.codeHash).sort()).toEqual(recoveryCodes.map(hashRecoveryCode).sort());
    const dump = JSON.stringify(stored).toLowerCase();
    for (const plain of recoveryCodes) expect(dump).not.toContain(plain.toLowerCase());

    const row = await userRow(user.id);
    expect(row.mfaEnabledAt).not.toBeNull();
    // The enabling code's time step is spent, so that code cannot be replayed at login.
    expect(row.mfaLastStep).toBeGreaterThanOrEqual(Math.floor(Date.now() / 30_000) - 1);
    expect(authenticator.check(code, decrypt(testConfig().encryptionKey, row.mfaSecretEnc!))).toBe(true);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: session.auth })).json().mfaEnabled).toBe(true);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.actorId, user.id))).map(
      (e) => e.action,
    );
    expect(actions).toContain('auth.mfa.enabled');
  });

  it('a second enable (say, a replayed request) is refused and does not replace the codes', async () => {
    const { user, session, secret } = await withMfa();
    const before = (await codesOf(user.id)).map((row) => row.codeHash).sort();
    expect((await post('/enable', session, { code: nextStepCode(secret) })).statusCode).toBe(409);
    expect((await codesOf(user.id)).map((row) => row.codeHash).sort()).toEqual(before);
  });
});

describe('POST /api/v1/auth/mfa/disable', () => {
  it('needs the right password even with a right code', async () => {
    const { user, session, secret } = await withMfa();
    const res = await post('/disable', session, {
      password: 'Wrong-Password-1!',
      code: nextStepCode(secret),
    });
    expect(res.statusCode).toBe(403);
    expect((await userRow(user.id)).mfaEnabledAt).not.toBeNull();
  });

  it('needs a right code even with the right password, and refuses the code already used to enable', async () => {
    const { user, session, code } = await withMfa();
    expect((await post('/disable', session, { password: STRONG_PASSWORD, code: '000000' })).statusCode).toBe(
      403,
    );
    expect((await post('/disable', session, { password: STRONG_PASSWORD, code })).statusCode).toBe(403);
    expect(
      (await post('/disable', session, { password: STRONG_PASSWORD, code: 'zzzzz-zzzzz' })).statusCode,
    ).toBe(403);
    expect((await userRow(user.id)).mfaEnabledAt).not.toBeNull();
  });

  it('turns 2FA off with the password and a fresh code, clearing the secret and the codes', async () => {
    const { user, session, secret } = await withMfa();
    const res = await post('/disable', session, { password: STRONG_PASSWORD, code: nextStepCode(secret) });
    expect(res.statusCode).toBe(204);
    expect(await userRow(user.id)).toMatchObject({
      mfaSecretEnc: null,
      mfaEnabledAt: null,
      mfaLastStep: null,
    });
    expect(await codesOf(user.id)).toHaveLength(0);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'auth.mfa.disabled'));
    expect(entry).toBeDefined();
  });

  it('accepts a recovery code however it is typed', async () => {
    const { user, session, recoveryCodes } = await withMfa();
    const typed = ` ${recoveryCodes[3]!.toUpperCase().replace('-', ' ')} `;
    const res = await post('/disable', session, { password: STRONG_PASSWORD, code: typed });
    expect(res.statusCode).toBe(204);
    expect((await userRow(user.id)).mfaEnabledAt).toBeNull();
  });

  it('answers 409 when 2FA is not on', async () => {
    const { session } = await signedInUser();
    expect((await post('/disable', session, { password: STRONG_PASSWORD, code: '123456' })).statusCode).toBe(
      409,
    );
  });
});

describe('guessing', () => {
  it('limits password and code checks to 10 a minute per client IP', async () => {
    const { session } = await signedInUser();
    const ip = nextIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      statuses.push((await post('/setup', session, { password: `Guess-${attempt}-Wrong!` }, ip)).statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 403)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('every route needs a signed-in user', async () => {
    for (const url of ['/setup', '/enable', '/disable']) {
      const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/auth/mfa${url}`, payload: {} });
      expect(res.statusCode).toBe(401);
    }
  });
});
