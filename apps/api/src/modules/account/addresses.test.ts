import { schema } from '@securecart/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp, type SignedIn, signIn } from '../../../test/auth.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, session: SignedIn, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: session.auth, payload, remoteAddress: nextIp() });

const US = {
  name: 'Ada Lovelace',
  line1: '1 Main St',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
};
const DE = {
  name: 'Ada Lovelace',
  line1: 'Unter den Linden 1',
  city: 'Berlin',
  postalCode: '10117',
  country: 'DE',
};

async function signedInUser() {
  const { user, password } = await createUser(db);
  return { user, session: await signIn(ctx.app, user.email, password) };
}
const defaultsOf = async (userId: string) =>
  db
    .select({ id: schema.addresses.id })
    .from(schema.addresses)
    .where(and(eq(schema.addresses.userId, userId), eq(schema.addresses.isDefault, true)));

describe('POST /api/v1/me/addresses', () => {
  let owner: Awaited<ReturnType<typeof signedInUser>>;
  beforeAll(async () => {
    owner = await signedInUser();
  });

  it('makes the first address the default and answers 201 with the resource', async () => {
    const res = await call('POST', '/me/addresses', owner.session, {
      ...US,
      line2: 'Apt 4',
      phone: '+1 217 555 0100',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ...US, line2: 'Apt 4', phone: '+12175550100', isDefault: true });
    expect(res.json().id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('normalises a lower-case country, region and postal code', async () => {
    const res = await call('POST', '/me/addresses', owner.session, {
      ...US,
      country: 'ca',
      region: 'on',
      postalCode: 'k1a0b1',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      country: 'CA',
      region: 'ON',
      postalCode: 'K1A 0B1',
      isDefault: false,
    });
  });

  it('ignores a userId in the body: the address is always the caller’s', async () => {
    const { user: victim } = await createUser(db);
    const res = await call('POST', '/me/addresses', owner.session, { ...DE, userId: victim.id });
    expect(res.statusCode).toBe(201);
    const [row] = await db.select().from(schema.addresses).where(eq(schema.addresses.id, res.json().id));
    expect(row!.userId).toBe(owner.user.id);
  });

  it.each([
    [{ ...US, postalCode: '6270' }, 'postalCode'],
    [{ ...US, postalCode: '62701-12' }, 'postalCode'],
    [{ ...US, region: 'ZZ' }, 'region'],
    [{ ...US, region: undefined }, 'region'],
    [{ ...US, country: 'CA', region: 'ON', postalCode: 'D1A 0B1' }, 'postalCode'],
    [{ ...US, country: 'CA', region: 'XX', postalCode: 'K1A 0B1' }, 'region'],
    [{ ...DE, country: 'GB', postalCode: '12345' }, 'postalCode'],
    [{ ...DE, postalCode: '1011' }, 'postalCode'],
    [{ ...DE, country: 'FR', postalCode: '750011' }, 'postalCode'],
    [{ ...DE, country: 'XX' }, 'country'],
    [{ ...DE, country: 'DEU' }, 'country'],
    [{ ...DE, line1: undefined }, 'line1'],
    [{ ...DE, name: '' }, 'name'],
    [{ ...DE, city: undefined }, 'city'],
    [{ ...DE, phone: '030 1234567' }, 'phone'],
  ])('refuses %o with a 400 naming %s', async (payload, path) => {
    const res = await call('POST', '/me/addresses', owner.session, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((error: { path: string }) => error.path)).toContain(path);
  });
});

describe('the default address', () => {
  it('is at most one: making another the default clears the previous one', async () => {
    const { user, session } = await signedInUser();
    const first = (await call('POST', '/me/addresses', session, US)).json();
    const second = (await call('POST', '/me/addresses', session, DE)).json();
    expect([first.isDefault, second.isDefault]).toEqual([true, false]);

    const promoted = await call('PATCH', `/me/addresses/${second.id}`, session, { isDefault: true });
    expect(promoted.json().isDefault).toBe(true);
    expect(await defaultsOf(user.id)).toEqual([{ id: second.id }]);

    const third = (await call('POST', '/me/addresses', session, { ...DE, isDefault: true })).json();
    expect(await defaultsOf(user.id)).toEqual([{ id: third.id }]);

    const list = (await call('GET', '/me/addresses', session)).json();
    expect(list).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(list.items[0].id).toBe(third.id);
  });

  it('passes to the newest remaining address when the default is deleted', async () => {
    const { user, session } = await signedInUser();
    const first = (await call('POST', '/me/addresses', session, US)).json();
    const second = (await call('POST', '/me/addresses', session, DE)).json();
    expect((await call('DELETE', `/me/addresses/${first.id}`, session)).statusCode).toBe(204);
    expect(await defaultsOf(user.id)).toEqual([{ id: second.id }]);
  });
});

describe('PATCH and DELETE /api/v1/me/addresses/:id', () => {
  it('checks the merged address again when only the country changes', async () => {
    const { session } = await signedInUser();
    const address = (await call('POST', '/me/addresses', session, US)).json();
    const res = await call('PATCH', `/me/addresses/${address.id}`, session, { country: 'CA' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(['postalCode', 'region']);
    const ok = await call('PATCH', `/me/addresses/${address.id}`, session, { city: 'Chicago', line2: null });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ...US, city: 'Chicago', line2: null, isDefault: true });
  });

  it('answers 404 for another user’s address and leaves it alone', async () => {
    const { session: owner } = await signedInUser();
    const { session: intruder } = await signedInUser();
    const address = (await call('POST', '/me/addresses', owner, US)).json();

    const patch = await call('PATCH', `/me/addresses/${address.id}`, intruder, { city: 'Stolen' });
    expect(patch.statusCode).toBe(404);
    const remove = await call('DELETE', `/me/addresses/${address.id}`, intruder);
    expect(remove.statusCode).toBe(404);
    const unknown = await call('DELETE', '/me/addresses/00000000-0000-4000-8000-000000000000', intruder);
    // Indistinguishable from an id that does not exist (only the request id differs).
    expect({ ...remove.json(), requestId: '' }).toEqual({ ...unknown.json(), requestId: '' });
    expect((await call('GET', '/me/addresses', intruder)).json().total).toBe(0);

    const [row] = await db.select().from(schema.addresses).where(eq(schema.addresses.id, address.id));
    expect(row).toMatchObject({ city: US.city });
  });

  it('answers 400 for an id that is not a UUID and 204 for a deleted one', async () => {
    const { session } = await signedInUser();
    expect((await call('DELETE', '/me/addresses/1%20or%201=1', session)).statusCode).toBe(400);
    const address = (await call('POST', '/me/addresses', session, DE)).json();
    expect((await call('DELETE', `/me/addresses/${address.id}`, session)).statusCode).toBe(204);
    expect((await call('DELETE', `/me/addresses/${address.id}`, session)).statusCode).toBe(404);
  });
});
