import { schema } from '@securecart/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp, STRONG_PASSWORD } from '../../../test/auth.ts';
import { createTestClock } from '../../../test/clock.ts';
import { createRecordingMailer } from '../../../test/fakes/recording-mailer.ts';
import { postJson } from '../../../test/http.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';

const clock = createTestClock();
const mail = createRecordingMailer();
const ctx = await useTestApp({}, { clock: clock.now, mailer: mail.mailer });
const { app } = ctx;
const db = ctx.database.handle.db;
const DAY_MS = 24 * 60 * 60 * 1000;

let counter = 0;
const freshEmail = () => `new-${Date.now()}-${++counter}@example.test`;
const registration = (fields: Record<string, unknown> = {}) => ({
  email: freshEmail(),
  password: STRONG_PASSWORD,
  name: "Anne-Marie O'Neil",
  acceptPrivacy: true,
  ...fields,
});
const register = (body: Record<string, unknown>) => postJson(app, '/auth/register', body);
const userByEmail = async (email: string) =>
  (await db.select().from(schema.users).where(eq(schema.users.email, email)))[0];
const verifyEmail = (token: string | undefined) => postJson(app, '/auth/verify-email', { token });

/** Registers and returns the token from the emailed verification link. */
async function registerAndGetToken(fields: Record<string, unknown> = {}) {
  const body = registration(fields);
  expect((await register(body)).statusCode).toBe(202);
  await app.outbox.idle();
  const email = (body.email as string).trim().toLowerCase();
  return { email, token: mail.linkFrom(mail.lastTo(email), '/verify-email') };
}

describe('POST /auth/register', () => {
  it('creates an unverified customer, records the privacy acceptance and emails a verification link', async () => {
    const { email, token } = await registerAndGetToken({ email: `  MiXeD-${counter}@Example.TEST ` });
    const user = await userByEmail(email);
    expect(user).toMatchObject({ role: 'customer', emailVerifiedAt: null, privacyPolicyVersion: '2026-01' });
    expect(user!.privacyAcceptedAt).toBeInstanceOf(Date);
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await db
      .select()
      .from(schema.emailTokens)
      .where(eq(schema.emailTokens.userId, user!.id));
    expect(stored!.tokenHash).toBe(sha256(token!));
    expect(stored!.expiresAt.getTime() - clock.now().getTime()).toBe(DAY_MS);
  });

  it('answers an existing email exactly like a new one, and tells the owner instead', async () => {
    const { user } = await createUser(db);
    const existing = await register(registration({ email: user.email }));
    const fresh = await register(registration());
    expect(existing.statusCode).toBe(202);
    expect(existing.statusCode).toBe(fresh.statusCode);
    expect(existing.body).toBe(fresh.body);
    await app.outbox.idle();
    const notice = mail.lastTo(user.email)!;
    expect(notice.kind).toBe('register_existing');
    expect(mail.linkFrom(notice, '/verify-email')).toBeUndefined();
    const [unchanged] = await db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(unchanged!.name).toBe(user.name);
    expect(unchanged!.passwordHash).toBe(user.passwordHash);
  });

  it('ignores unknown fields such as role and emailVerified', async () => {
    const body = registration({
      role: 'admin',
      emailVerified: true,
      emailVerifiedAt: '2020-01-01T00:00:00Z',
    });
    expect((await register(body)).statusCode).toBe(202);
    const user = await userByEmail(body.email as string);
    expect(user).toMatchObject({ role: 'customer', emailVerifiedAt: null });
  });

  it('saves the optional first address as the default, in canonical form', async () => {
    const body = registration({
      phone: '+14155550123',
      dateOfBirth: '1990-05-17',
      address: {
        name: 'Anne',
        line1: '1 Main St',
        city: 'Springfield',
        region: 'il',
        postalCode: '62701',
        country: 'us',
      },
    });
    expect((await register(body)).statusCode).toBe(202);
    const user = await userByEmail(body.email as string);
    expect(user).toMatchObject({ phone: '+14155550123', dateOfBirth: '1990-05-17' });
    const addresses = await db.select().from(schema.addresses).where(eq(schema.addresses.userId, user!.id));
    expect(addresses).toEqual([expect.objectContaining({ country: 'US', region: 'IL', isDefault: true })]);
  });

  it.each([
    ['acceptPrivacy missing', { acceptPrivacy: undefined }, 'acceptPrivacy'],
    ['acceptPrivacy false', { acceptPrivacy: false }, 'acceptPrivacy'],
    ['a name with digits', { name: 'R2D2' }, 'name'],
    ['a name with markup', { name: '<script>' }, 'name'],
    ['a phone number not in E.164', { phone: '555-0123' }, 'phone'],
    ['a birth date in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
    [
      'someone under 13',
      { dateOfBirth: new Date(Date.now() - 5 * 365 * DAY_MS).toISOString().slice(0, 10) },
      'dateOfBirth',
    ],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    [
      'a country that is not ISO alpha-2',
      { address: { name: 'A', line1: 'x', city: 'y', postalCode: '12345', country: 'USA', region: 'NY' } },
      'address.country',
    ],
    [
      'a US postal code of the wrong shape',
      { address: { name: 'A', line1: 'x', city: 'y', postalCode: 'ABC', country: 'US', region: 'NY' } },
      'address.postalCode',
    ],
    [
      'a GB postal code of the wrong shape',
      { address: { name: 'A', line1: 'x', city: 'y', postalCode: '12345', country: 'GB' } },
      'address.postalCode',
    ],
    [
      'a CA postal code of the wrong shape',
      { address: { name: 'A', line1: 'x', city: 'y', postalCode: '12345', country: 'CA', region: 'ON' } },
      'address.postalCode',
    ],
    [
      'a DE postal code of the wrong shape',
      { address: { name: 'A', line1: 'x', city: 'y', postalCode: '1234', country: 'DE' } },
      'address.postalCode',
    ],
    [
      'a FR postal code of the wrong shape',
      { address: { name: 'A', line1: 'x', city: 'y', postalCode: '750001', country: 'FR' } },
      'address.postalCode',
    ],
  ])('refuses %s with a 400 naming the field', async (_name, fields, path) => {
    const body = registration(fields);
    const res = await register(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await userByEmail(body.email as string)).toBeUndefined();
  });

  it.each([
    ['Sh0rt!a', 'at least 8'],
    ['alllowercase-1', 'upper-case'],
    ['ALLUPPERCASE-1', 'lower-case'],
    ['No-Digits-Here', 'digit'],
    ['NoSpecials123', 'special'],
    ['Password1!', 'too common'],
    ['Summer2024!', 'too common'],
    ['Qwerty123!', 'too common'],
    [`Aa1!${'x'.repeat(130)}`, 'at most 128'],
  ])('refuses the weak password %s, listing the rule broken', async (password, rule) => {
    const res = await register(registration({ password }));
    expect(res.statusCode).toBe(400);
    const messages = res
      .json()
      .errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`);
    expect(messages.join('\n')).toContain(rule);
    expect(messages.every((m: string) => m.startsWith('password: '))).toBe(true);
  });

  it('refuses a password containing the email address', async () => {
    const res = await register(
      registration({ email: 'marguerite@example.test', password: 'Marguerite-Sails-9' }),
    );
    expect(res.json().errors.map((e: { message: string }) => e.message)).toContain(
      'must not contain your email address',
    );
  });

  it('lists every broken rule at once', async () => {
    const res = await register(registration({ password: 'abc' }));
    expect(res.json().errors.length).toBeGreaterThanOrEqual(4);
  });

  it('limits registrations to 5 per minute per IP', async () => {
    const ip = nextIp();
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await postJson(app, '/auth/register', registration({ password: 'x' }), { ip })).statusCode,
      );
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('audits the registration', async () => {
    const { email } = await registerAndGetToken();
    const rows = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'auth.register'), eq(schema.auditLog.actorEmail, email)));
    expect(rows).toHaveLength(1);
  });
});

describe('POST /auth/verify-email', () => {
  it('verifies once; the same token again is a 400', async () => {
    const { email, token } = await registerAndGetToken();
    expect((await verifyEmail(token)).statusCode).toBe(204);
    expect((await userByEmail(email))!.emailVerifiedAt).toBeInstanceOf(Date);
    const again = await verifyEmail(token);
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invalid_token');
  });

  it('refuses a token older than 24 hours', async () => {
    const { email, token } = await registerAndGetToken();
    clock.advance(DAY_MS + 1000);
    expect((await verifyEmail(token)).statusCode).toBe(400);
    expect((await userByEmail(email))!.emailVerifiedAt).toBeNull();
  });

  it('refuses a made-up token and a reset-password token', async () => {
    expect((await verifyEmail(randomToken())).statusCode).toBe(400);
    const { user } = await createUser(db, { verified: false });
    const token = randomToken();
    await db.insert(schema.emailTokens).values({
      userId: user.id,
      purpose: 'reset_password',
      tokenHash: sha256(token),
      expiresAt: new Date(clock.now().getTime() + DAY_MS),
    });
    expect((await verifyEmail(token)).statusCode).toBe(400);
  });

  it('completes an email change: the new address becomes the login and the old one is told', async () => {
    const { user } = await createUser(db);
    const newEmail = freshEmail();
    const token = randomToken();
    await db.insert(schema.emailTokens).values({
      userId: user.id,
      purpose: 'change_email',
      tokenHash: sha256(token),
      newEmail,
      expiresAt: new Date(clock.now().getTime() + DAY_MS),
    });
    expect((await verifyEmail(token)).statusCode).toBe(204);
    expect((await userByEmail(newEmail))!.id).toBe(user.id);
    await app.outbox.idle();
    expect(mail.lastTo(user.email)).toMatchObject({ kind: 'email_changed' });
    expect((await verifyEmail(token)).statusCode).toBe(400);
  });

  it('refuses an email change to an address someone registered meanwhile', async () => {
    const { user } = await createUser(db);
    const { user: other } = await createUser(db);
    const token = randomToken();
    await db.insert(schema.emailTokens).values({
      userId: user.id,
      purpose: 'change_email',
      tokenHash: sha256(token),
      newEmail: other.email,
      expiresAt: new Date(clock.now().getTime() + DAY_MS),
    });
    expect((await verifyEmail(token)).statusCode).toBe(400);
    expect((await userByEmail(user.email))!.id).toBe(user.id);
  });
});

describe('POST /auth/resend-verification', () => {
  it('answers 202 whatever the address, and sends a working link only to unverified accounts', async () => {
    const { user } = await createUser(db, { verified: false });
    const { user: verified } = await createUser(db);
    const answers = await Promise.all(
      [user.email, verified.email, 'nobody@example.test'].map((email) =>
        postJson(app, '/auth/resend-verification', { email }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    await app.outbox.idle();
    expect(mail.lastTo(verified.email)).toBeUndefined();
    const token = mail.linkFrom(mail.lastTo(user.email), '/verify-email');
    expect((await verifyEmail(token)).statusCode).toBe(204);
  });

  it('limits resends to 3 per minute per IP', async () => {
    const ip = nextIp();
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await postJson(app, '/auth/resend-verification', { email: 'x@example.test' }, { ip })).statusCode,
      );
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});
