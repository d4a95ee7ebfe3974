import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp } from '../../../test/auth.ts';
import { createTestClock } from '../../../test/clock.ts';
import { testConfig } from '../../../test/config.ts';
import { postJson } from '../../../test/http.ts';
import { encrypt } from '../../lib/crypto.ts';
import { generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, totpCode } from '../../lib/totp.ts';

const clock = createTestClock();
const ctx = await useTestApp({}, { clock: clock.now });
const { app } = ctx;
const db = ctx.database.handle.db;
const TOTP_STEP_MS = 30 * 1000;

/** A user with 2FA on, set up the way /auth/mfa/enable leaves it. */
async function createMfaUser(options: { privacyPolicyVersion?: string } = {}) {
  const { user, password } = await createUser(db, options);
  const secret = generateTotpSecret();
  const recoveryCodes = generateRecoveryCodes();
  await db
    .update(schema.users)
    .set({ mfaSecretEnc: encrypt(testConfig().encryptionKey, secret), mfaEnabledAt: new Date() })
    .where(eq(schema.users.id, user.id));
  await db
    .insert(schema.mfaRecoveryCodes)
    .values(recoveryCodes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code) })));
  return { user, password, secret, recoveryCodes };
}

const login = (email: string, password: string, extra: Record<string, unknown> = {}) =>
  postJson(app, '/auth/login', { email, password, ...extra });
async function mfaTokenFor(email: string, password: string, extra: Record<string, unknown> = {}) {
  const res = await login(email, password, extra);
  expect(res.statusCode).toBe(200);
  return res.json().mfaToken as string;
}
const loginMfa = (body: Record<string, unknown>, ip = nextIp()) =>
  postJson(app, '/auth/login/mfa', body, { ip });
const nextStep = () => clock.advance(TOTP_STEP_MS);

const shared = await createMfaUser();

describe('login with 2FA on', () => {
  it('answers { mfaRequired, mfaToken } with no access token and no cookie', async () => {
    const res = await login(shared.user.email, shared.password);
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(['mfaRequired', 'mfaToken']);
    expect(res.json().mfaRequired).toBe(true);
    expect(res.cookies).toHaveLength(0);
  });

  it('refuses the mfaToken as a bearer access token', async () => {
    const mfaToken = await mfaTokenFor(shared.user.email, shared.password);
    const res = await app.inject({
      url: '/api/v1/auth/sessions',
      headers: { authorization: `Bearer ${mfaToken}` },
    });
    expect(res.statusCode).toBe(401);
  });

  it('signs in with a current code, and refuses that same code a second time (replay)', async () => {
    nextStep();
    const code = totpCode(shared.secret, clock.now());
    const first = await loginMfa({
      mfaToken: await mfaTokenFor(shared.user.email, shared.password),
      code,
      client: 'api',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ expiresIn: 900, user: { id: shared.user.id, mfaEnabled: true } });
    expect(first.json().refreshToken).toEqual(expect.any(String));
    expect(first.cookies.find((c) => c.name === 'sc_refresh')).toBeDefined();
    const replay = await loginMfa({ mfaToken: await mfaTokenFor(shared.user.email, shared.password), code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_mfa_code');
  });

  it('refuses a code from an older step once a newer one was used', async () => {
    nextStep();
    const older = totpCode(shared.secret, clock.now());
    nextStep();
    const newer = totpCode(shared.secret, clock.now());
    expect(
      (await loginMfa({ mfaToken: await mfaTokenFor(shared.user.email, shared.password), code: newer }))
        .statusCode,
    ).toBe(200);
    expect(
      (await loginMfa({ mfaToken: await mfaTokenFor(shared.user.email, shared.password), code: older }))
        .statusCode,
    ).toBe(401);
  });

  it('refuses a wrong code with 401', async () => {
    nextStep();
    const right = totpCode(shared.secret, clock.now());
    const wrong = right === '000000' ? '111111' : '000000';
    expect(
      (await loginMfa({ mfaToken: await mfaTokenFor(shared.user.email, shared.password), code: wrong }))
        .statusCode,
    ).toBe(401);
  });

  it('accepts a recovery code once, however it is typed', async () => {
    const code = shared.recoveryCodes[0]!;
    const typed = ` ${code.toUpperCase().replace('-', ' - ')} `;
    const first = await loginMfa({
      mfaToken: await mfaTokenFor(shared.user.email, shared.password),
      recoveryCode: typed,
    });
    expect(first.statusCode).toBe(200);
    const again = await loginMfa({
      mfaToken: await mfaTokenFor(shared.user.email, shared.password),
      recoveryCode: code,
    });
    expect(again.statusCode).toBe(401);
  });

  it('refuses an mfaToken older than 5 minutes', async () => {
    const mfaToken = await mfaTokenFor(shared.user.email, shared.password);
    clock.advance(5 * 60 * 1000 + 1000);
    const res = await loginMfa({ mfaToken, code: totpCode(shared.secret, clock.now()) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_mfa_token');
  });

  it('refuses an access token in place of the mfaToken', async () => {
    const { user, password } = await createUser(db);
    const accessToken = (await login(user.email, password)).json().accessToken;
    expect((await loginMfa({ mfaToken: accessToken, code: '123456' })).statusCode).toBe(401);
  });

  it('needs exactly one of code and recoveryCode', async () => {
    const mfaToken = await mfaTokenFor(shared.user.email, shared.password);
    expect((await loginMfa({ mfaToken })).statusCode).toBe(400);
    expect((await loginMfa({ mfaToken, code: '123456', recoveryCode: 'abcde-fghij' })).statusCode).toBe(400);
  });

  it('counts wrong codes towards the sign-in lock', async () => {
    const victim = await createMfaUser();
    const mfaToken = await mfaTokenFor(victim.user.email, victim.password);
    for (let i = 0; i < 5; i++) {
      expect((await loginMfa({ mfaToken, recoveryCode: `wrong-guess-${i}` })).statusCode).toBe(401);
    }
    const locked = await loginMfa({ mfaToken, code: totpCode(victim.secret, clock.now()) });
    expect(locked.statusCode).toBe(423);
    expect((await login(victim.user.email, victim.password)).statusCode).toBe(423);
  });

  it('carries the privacy acceptance through the second step', async () => {
    const late = await createMfaUser({ privacyPolicyVersion: '2025-06' });
    expect((await login(late.user.email, late.password)).statusCode).toBe(428);
    const mfaToken = await mfaTokenFor(late.user.email, late.password, { acceptPrivacy: true });
    const [before] = await db.select().from(schema.users).where(eq(schema.users.id, late.user.id));
    expect(before!.privacyPolicyVersion).toBe('2025-06');
    nextStep();
    expect((await loginMfa({ mfaToken, code: totpCode(late.secret, clock.now()) })).statusCode).toBe(200);
    const [after] = await db.select().from(schema.users).where(eq(schema.users.id, late.user.id));
    expect(after!.privacyPolicyVersion).toBe('2026-01');
  });

  it('limits the MFA step to 10 attempts per minute per IP', async () => {
    const ip = nextIp();
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await loginMfa({ mfaToken: 'x', code: '123456' }, ip)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
