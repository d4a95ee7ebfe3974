import { createHmac, generateKeyPairSync, sign as rsaSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, signIn } from '../../../test/auth.ts';
import { createTestClock } from '../../../test/clock.ts';
import { testConfig } from '../../../test/config.ts';
import { postJson } from '../../../test/http.ts';

const clock = createTestClock();
const ctx = await useTestApp({}, { clock: clock.now });
const { app } = ctx;
const db = ctx.database.handle.db;
const { jwtSecret, publicUrl } = testConfig();

const alice = await createUser(db);
const bob = await createUser(db);
const aliceSession = await signIn(app, alice.user.email, alice.password);
const real = JSON.parse(Buffer.from(aliceSession.accessToken.split('.')[1]!, 'base64url').toString());

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

/** A JWT built by hand, the way an attacker would. */
function forge(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: string | null = jwtSecret,
) {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  if (key === null) return `${unsigned}.`;
  const algorithm = header.alg === 'HS512' ? 'sha512' : 'sha256';
  return `${unsigned}.${createHmac(algorithm, key).update(unsigned).digest('base64url')}`;
}

const validClaims = () => ({
  sub: alice.user.id,
  role: 'admin',
  sid: aliceSession.sessionId,
  iss: publicUrl,
  aud: 'securecart-api',
  iat: nowSeconds(),
  exp: nowSeconds() + 600,
});
const status = async (token: string) =>
  (await app.inject({ url: '/api/v1/auth/sessions', headers: { authorization: `Bearer ${token}` } }))
    .statusCode;

describe('bearer access tokens', () => {
  it('accepts a token the server signed, and a correctly forged one (proving the forgeries below differ only in one way)', async () => {
    expect(real).toMatchObject({
      sub: alice.user.id,
      role: 'customer',
      iss: publicUrl,
      aud: 'securecart-api',
    });
    expect(real.exp - real.iat).toBe(15 * 60);
    expect(await status(aliceSession.accessToken)).toBe(200);
    expect(await status(forge({ alg: 'HS256', typ: 'JWT' }, validClaims()))).toBe(200);
  });

  it.each([
    ['alg none', () => forge({ alg: 'none', typ: 'JWT' }, validClaims(), null)],
    ['HS512 with the right secret', () => forge({ alg: 'HS512', typ: 'JWT' }, validClaims())],
    ['another key', () => forge({ alg: 'HS256', typ: 'JWT' }, validClaims(), 'x'.repeat(48))],
    [
      'expired',
      () => forge({ alg: 'HS256' }, { ...validClaims(), iat: nowSeconds() - 1000, exp: nowSeconds() - 10 }),
    ],
    ['wrong audience', () => forge({ alg: 'HS256' }, { ...validClaims(), aud: 'securecart-mfa' })],
    ['wrong issuer', () => forge({ alg: 'HS256' }, { ...validClaims(), iss: 'https://evil.example' })],
    ['no session claim', () => forge({ alg: 'HS256' }, { ...validClaims(), sid: undefined })],
    ['an unknown role', () => forge({ alg: 'HS256' }, { ...validClaims(), role: 'superuser' })],
  ])('refuses %s with 401 problem+json', async (_name, token) => {
    const res = await app.inject({
      url: '/api/v1/auth/sessions',
      headers: { authorization: `Bearer ${token()}` },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses an RS256 token whatever key it names', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const unsigned = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(validClaims())}`;
    const signature = rsaSign('sha256', Buffer.from(unsigned), privateKey).toString('base64url');
    expect(await status(`${unsigned}.${signature}`)).toBe(401);
  });

  it('lets a token expire after 15 minutes', async () => {
    const session = await signIn(app, bob.user.email, bob.password);
    clock.advance(15 * 60 * 1000 + 1000);
    expect(await status(session.accessToken)).toBe(401);
  });

  it('refuses a missing or malformed Authorization header', async () => {
    expect((await app.inject({ url: '/api/v1/auth/sessions' })).statusCode).toBe(401);
    const basic = await app.inject({ url: '/api/v1/auth/sessions', headers: { authorization: 'Basic abc' } });
    expect(basic.statusCode).toBe(401);
  });
});

describe('GET /auth/sessions and DELETE /auth/sessions/:id', () => {
  it('lists live sessions in the page shape, marking the current one', async () => {
    const first = await signIn(app, bob.user.email, bob.password);
    const second = await signIn(app, bob.user.email, bob.password);
    const res = await app.inject({ url: '/api/v1/auth/sessions', headers: second.auth });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 20 });
    const ids = body.items.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining([first.sessionId, second.sessionId]));
    const current = body.items.filter((s: { current: boolean }) => s.current);
    expect(current).toEqual([expect.objectContaining({ id: second.sessionId, ip: expect.any(String) })]);
    expect(Object.keys(body.items[0]).sort()).toEqual([
      'createdAt',
      'current',
      'id',
      'ip',
      'lastUsedAt',
      'userAgent',
    ]);
  });

  it("answers 404 for another user's session and leaves it alive", async () => {
    const alices = await signIn(app, alice.user.email, alice.password);
    const bobs = await signIn(app, bob.user.email, bob.password);
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${bobs.sessionId}`,
      headers: alices.auth,
    });
    expect(res.statusCode).toBe(404);
    expect(await status(bobs.accessToken)).toBe(200);
    expect((await postJson(app, '/auth/refresh', { refreshToken: bobs.refreshToken })).statusCode).toBe(200);
  });

  it('ends one of your own sessions: its access token and refresh token stop working at once', async () => {
    const current = await signIn(app, bob.user.email, bob.password);
    const other = await signIn(app, bob.user.email, bob.password);
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${other.sessionId}`,
      headers: current.auth,
    });
    expect(res.statusCode).toBe(204);
    expect(await status(other.accessToken)).toBe(401);
    expect((await postJson(app, '/auth/refresh', { refreshToken: other.refreshToken })).statusCode).toBe(401);
    expect(await status(current.accessToken)).toBe(200);
  });
});
