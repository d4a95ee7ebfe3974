import { schema } from '@securecart/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;

const get = (url: string, who: SignedIn) =>
  ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who.auth });

let admin: SignedIn;
let adminId: string;
let otherId: string;
const otherEmail = 'someone@example.test';

beforeAll(async () => {
  const a = await createUser(db, { role: 'admin' });
  adminId = a.user.id;
  admin = await signIn(ctx.app, a.user.email, a.password);
  otherId = (await createUser(db, { email: otherEmail })).user.id;
  await db.insert(schema.auditLog).values([
    {
      at: new Date('2026-03-01T00:00:00Z'),
      actorId: otherId,
      action: 'product.updated',
      targetType: 'product',
      targetId: 'p1',
      details: { changes: { priceCents: { before: 1, after: 2 } } },
    },
    {
      at: new Date('2026-03-02T23:59:59Z'),
      actorId: otherId,
      action: 'product.archived',
      targetType: 'product',
      targetId: 'p1',
    },
    {
      at: new Date('2026-03-03T00:00:00Z'),
      actorId: null,
      actorEmail: otherEmail,
      action: 'auth.login.failed',
      ip: '10.0.0.9',
    },
    {
      at: new Date('2026-03-04T12:00:00Z'),
      actorId: adminId,
      action: 'product.updated',
      targetType: 'product',
      targetId: 'p2',
      requestId: 'req-123456',
    },
  ]);
});

const actions = async (query: string) => {
  const res = await get(`/admin/audit-log?${query}`, admin);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { action: string; at: string }) => `${i.action}@${i.at.slice(0, 10)}`);
};

describe('audit log viewer', () => {
  it('lists newest first in the page shape with the documented fields', async () => {
    const res = await get('/admin/audit-log?from=2026-03-01&to=2026-03-04', admin);
    expect(res.json()).toMatchObject({ page: 1, pageSize: 20, total: 4 });
    expect(res.json().items[0]).toEqual({
      id: expect.any(String),
      at: '2026-03-04T12:00:00.000Z',
      actorId: adminId,
      actorEmail: expect.stringContaining('@'),
      action: 'product.updated',
      targetType: 'product',
      targetId: 'p2',
      ip: null,
      requestId: 'req-123456',
      details: {},
    });
    expect(await actions('from=2026-03-01&to=2026-03-04')).toEqual([
      'product.updated@2026-03-04',
      'auth.login.failed@2026-03-03',
      'product.archived@2026-03-02',
      'product.updated@2026-03-01',
    ]);
  });

  it('filters by actor id, actor email (either case), action and inclusive UTC dates', async () => {
    expect(await actions(`actor=${otherId}`)).toEqual([
      'product.archived@2026-03-02',
      'product.updated@2026-03-01',
    ]);
    expect(await actions('actor=SomeOne@Example.test')).toEqual([
      'auth.login.failed@2026-03-03',
      'product.archived@2026-03-02',
      'product.updated@2026-03-01',
    ]);
    expect(await actions('action=product.updated&to=2026-03-04')).toEqual([
      'product.updated@2026-03-04',
      'product.updated@2026-03-01',
    ]);
    expect(await actions('from=2026-03-02&to=2026-03-02')).toEqual(['product.archived@2026-03-02']);
    expect(await actions('from=2026-03-03&to=2026-03-03')).toEqual(['auth.login.failed@2026-03-03']);
    expect((await get('/admin/audit-log?from=2026-03-05&to=2026-03-01', admin)).statusCode).toBe(400);
    expect((await get('/admin/audit-log?from=03/01/2026', admin)).statusCode).toBe(400);
  });

  it('records the real admin writes', async () => {
    const res = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/users/${otherId}/sessions`,
      headers: admin.auth,
    });
    expect(res.statusCode).toBe(204);
    const page = (await get(`/admin/audit-log?actor=${adminId}&action=user.sessions_revoked`, admin)).json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ targetType: 'user', targetId: otherId, ip: expect.any(String) });
  });
});
