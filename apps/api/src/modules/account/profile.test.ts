import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp, signIn } from '../../../test/auth.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;

const call = (method: 'GET' | 'PATCH', auth: { authorization: string }, payload?: object) =>
  ctx.app.inject({ method, url: '/api/v1/me', headers: auth, payload, remoteAddress: nextIp() });

async function account(options: Parameters<typeof createUser>[1] = {}) {
  const { user, password } = await createUser(db, options);
  const { auth } = await signIn(ctx.app, user.email, password);
  return { user, auth };
}

const yearsAgo = (years: number) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString().slice(0, 10);
};

describe('GET /api/v1/me', () => {
  it('answers the profile and nothing else', async () => {
    const { user, auth } = await account({ name: 'Ada Lovelace' });
    const res = await call('GET', auth);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      id: user.id,
      email: user.email,
      name: 'Ada Lovelace',
      phone: null,
      dateOfBirth: null,
      role: 'customer',
      emailVerified: true,
      mfaEnabled: false,
      preferences: { language: 'en', currency: 'USD', marketingEmails: false },
    });
  });

  it.each([
    ['no token', {}],
    ['a malformed token', { authorization: 'Bearer nope' }],
    ['a forged token', { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }],
  ])('answers 401 with %s', async (_case, headers) => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('PATCH /api/v1/me', () => {
  it('never applies role, email, emailVerified or unknown fields', async () => {
    const { user, auth } = await account({ verified: false });
    const res = await call('PATCH', auth, {
      name: 'Grace Hopper',
      role: 'admin',
      email: 'boss@example.test',
      emailVerified: true,
      mfaEnabled: true,
      id: '00000000-0000-4000-8000-000000000000',
      passwordHash: 'x',
      deletedAt: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: user.id,
      name: 'Grace Hopper',
      role: 'customer',
      email: user.email,
      emailVerified: false,
      mfaEnabled: false,
    });
    const [row] = await db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(row).toMatchObject({ role: 'customer', email: user.email, emailVerifiedAt: null });
    expect(row!.passwordHash).toBe(user.passwordHash);
  });

  it('normalises phone and preferences, and merges preferences key by key', async () => {
    const { auth } = await account();
    const dateOfBirth = yearsAgo(30);
    const first = await call('PATCH', auth, {
      phone: '+1 (415) 555-0123',
      dateOfBirth,
      preferences: { language: 'en-gb' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      phone: '+14155550123',
      dateOfBirth,
      preferences: { language: 'en-GB', currency: 'USD', marketingEmails: false },
    });
    const second = await call('PATCH', auth, { preferences: { currency: 'eur', marketingEmails: true } });
    expect(second.json().preferences).toEqual({ language: 'en-GB', currency: 'EUR', marketingEmails: true });
    const cleared = await call('PATCH', auth, { phone: null, dateOfBirth: null });
    expect(cleared.json()).toMatchObject({
      phone: null,
      dateOfBirth: null,
      preferences: { currency: 'EUR' },
    });
    expect((await call('GET', auth)).json()).toEqual(cleared.json());
  });

  it.each([
    [{ name: 'R2-D2' }, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: '<b>Ada</b>' }, 'name'],
    [{ phone: '4155550123' }, 'phone'],
    [{ phone: '+1 415 CALL-NOW' }, 'phone'],
    [{ dateOfBirth: yearsAgo(-1) }, 'dateOfBirth'],
    [{ dateOfBirth: yearsAgo(10) }, 'dateOfBirth'],
    [{ dateOfBirth: '2001-02-30' }, 'dateOfBirth'],
    [{ dateOfBirth: '12/24/1990' }, 'dateOfBirth'],
    [{ preferences: { language: 'english' } }, 'preferences.language'],
    [{ preferences: { currency: 'ABC' } }, 'preferences.currency'],
    [{ preferences: { marketingEmails: 'yes' } }, 'preferences.marketingEmails'],
  ])('refuses %o with a 400 naming %s and changes nothing', async (payload, path) => {
    const { user, auth } = await account({ name: 'Unchanged Name' });
    const res = await call('PATCH', auth, payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((error: { path: string }) => error.path)).toContain(path);
    const [row] = await db.select().from(schema.users).where(eq(schema.users.id, user.id));
    expect(row).toMatchObject({ name: 'Unchanged Name', phone: null, dateOfBirth: null });
  });
});
