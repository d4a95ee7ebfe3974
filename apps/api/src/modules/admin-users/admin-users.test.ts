import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, nextIp, type SignedIn, signIn } from '../../../test/auth.ts';
import { createRecordingMailer } from '../../../test/fakes/recording-mailer.ts';

const mail = createRecordingMailer();
const ctx = await useTestApp({}, { mailer: mail.mailer });
const db = ctx.database.handle.db;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, who?: SignedIn, payload?: object) =>
  ctx.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who?.auth ?? {},
    payload,
    remoteAddress: nextIp(),
  });

const newAdmin = async () => {
  const created = await createUser(db, { role: 'admin', name: 'Ada Admin' });
  return { ...created, session: await signIn(ctx.app, created.user.email, created.password) };
};

const actionsFor = async (targetId: string) =>
  (await db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, targetId))).map(
    (r) => r.action,
  );

let root: Awaited<ReturnType<typeof newAdmin>>;

beforeAll(async () => {
  root = await newAdmin();
});

describe('admin users', () => {
  it('searches by email or name and role, in the page shape, without secret fields', async () => {
    const { user } = await createUser(db, {
      email: 'grace.hopper@example.test',
      name: 'Grace Hopper',
      role: 'seller',
    });
    await db
      .update(schema.users)
      .set({ mfaSecretEnc: 'cipher', mfaEnabledAt: new Date() })
      .where(eq(schema.users.id, user.id));
    const byName = await call('GET', '/admin/users?q=hopper', root.session);
    expect(byName.statusCode).toBe(200);
    expect(byName.json()).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    const [item] = byName.json().items;
    expect(item).toMatchObject({
      id: user.id,
      email: 'grace.hopper@example.test',
      role: 'seller',
      mfaEnabled: true,
      locked: false,
    });
    expect(Object.keys(item).sort()).toEqual(
      [
        'createdAt',
        'deleted',
        'email',
        'emailVerified',
        'id',
        'lockedAt',
        'locked',
        'mfaEnabled',
        'name',
        'role',
      ].sort(),
    );
    expect(byName.body).not.toMatch(/argon2|cipher|passwordHash|mfaSecret/);

    expect((await call('GET', '/admin/users?q=GRACE.HOP', root.session)).json().total).toBe(1);
    expect((await call('GET', '/admin/users?q=%25', root.session)).json().total).toBe(0);
    const sellers = (await call('GET', '/admin/users?role=seller', root.session)).json();
    expect(sellers.items.every((u: { role: string }) => u.role === 'seller')).toBe(true);
    expect(sellers.total).toBeGreaterThanOrEqual(1);

    const one = await call('GET', `/admin/users/${user.id}`, root.session);
    expect(one.json()).toMatchObject({ id: user.id, name: 'Grace Hopper' });
    expect(one.body).not.toMatch(/argon2|cipher/);
    expect(
      (await call('GET', '/admin/users/00000000-0000-4000-8000-000000000000', root.session)).statusCode,
    ).toBe(404);
  });

  it('changes a role only with the acting admin’s current password, audited with before/after', async () => {
    const { user } = await createUser(db);
    expect(
      (await call('PATCH', `/admin/users/${user.id}`, root.session, { role: 'seller' })).statusCode,
    ).toBe(400);
    const wrong = await call('PATCH', `/admin/users/${user.id}`, root.session, {
      role: 'seller',
      currentPassword: 'Wrong-Password-1!',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('wrong_password');
    expect((await call('GET', `/admin/users/${user.id}`, root.session)).json().role).toBe('customer');

    const ok = await call('PATCH', `/admin/users/${user.id}`, root.session, {
      role: 'seller',
      currentPassword: root.password,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().role).toBe('seller');
    const [entry] = await db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'user.role_changed'));
    expect(entry).toMatchObject({ actorId: root.user.id, targetType: 'user', targetId: user.id });
    expect(entry!.details).toEqual({ before: { role: 'customer' }, after: { role: 'seller' } });
  });

  it('locks (login 423, refresh 401, sessions revoked) and unlocks', async () => {
    const { user, password } = await createUser(db);
    const victim = await signIn(ctx.app, user.email, password);
    const locked = await call('PATCH', `/admin/users/${user.id}`, root.session, { locked: true });
    expect(locked.statusCode).toBe(200);
    expect(locked.json()).toMatchObject({ locked: true });
    expect(locked.json().lockedAt).not.toBeNull();

    const login = await call('POST', '/auth/login', undefined, {
      email: user.email,
      password,
      client: 'api',
    });
    expect(login.statusCode).toBe(423);
    const refresh = await call('POST', '/auth/refresh', undefined, { refreshToken: victim.refreshToken });
    expect(refresh.statusCode).toBe(401);
    expect((await call('GET', '/me', victim)).statusCode).toBe(401);

    const unlocked = await call('PATCH', `/admin/users/${user.id}`, root.session, { locked: false });
    expect(unlocked.json()).toMatchObject({ locked: false, lockedAt: null });
    expect(
      (await call('POST', '/auth/login', undefined, { email: user.email, password, client: 'api' }))
        .statusCode,
    ).toBe(200);
    expect(await actionsFor(user.id)).toEqual(expect.arrayContaining(['user.locked', 'user.unlocked']));
  });

  it('sends the forgot-password email on request (202) and revokes every session (204)', async () => {
    const { user, password } = await createUser(db);
    const a = await signIn(ctx.app, user.email, password);
    const b = await signIn(ctx.app, user.email, password);
    const reset = await call('POST', `/admin/users/${user.id}/password-reset`, root.session);
    expect(reset.statusCode).toBe(202);
    await ctx.app.outbox.idle();
    expect(mail.linkFrom(mail.lastTo(user.email), '/reset-password')).toMatch(/.{20,}/);

    const revoked = await call('DELETE', `/admin/users/${user.id}/sessions`, root.session);
    expect(revoked.statusCode).toBe(204);
    for (const session of [a, b]) {
      expect(
        (await call('POST', '/auth/refresh', undefined, { refreshToken: session.refreshToken })).statusCode,
      ).toBe(401);
    }
    expect(await actionsFor(user.id)).toEqual(
      expect.arrayContaining(['user.password_reset_sent', 'user.sessions_revoked']),
    );
    expect(
      (await call('POST', '/admin/users/00000000-0000-4000-8000-000000000000/password-reset', root.session))
        .statusCode,
    ).toBe(404);
  });
});

describe('last-admin protection', () => {
  it('refuses to demote or lock the only admin (422), allows it with two, and holds under concurrency', async () => {
    // Start from exactly one admin who can sign in: demote every other one directly.
    await db.update(schema.users).set({ role: 'customer' }).where(eq(schema.users.role, 'admin'));
    await db.update(schema.users).set({ role: 'admin' }).where(eq(schema.users.id, root.user.id));

    const demoteSelf = await call('PATCH', `/admin/users/${root.user.id}`, root.session, {
      role: 'customer',
      currentPassword: root.password,
    });
    expect(demoteSelf.statusCode).toBe(422);
    expect(demoteSelf.json().code).toBe('last_admin');
    const lockSelf = await call('PATCH', `/admin/users/${root.user.id}`, root.session, { locked: true });
    expect(lockSelf.statusCode).toBe(422);
    expect((await call('GET', `/admin/users/${root.user.id}`, root.session)).json()).toMatchObject({
      role: 'admin',
      locked: false,
    });

    const second = await newAdmin();
    // Both admins demote themselves at once: exactly one may succeed.
    const [r1, r2] = await Promise.all([
      call('PATCH', `/admin/users/${root.user.id}`, root.session, {
        role: 'seller',
        currentPassword: root.password,
      }),
      call('PATCH', `/admin/users/${second.user.id}`, second.session, {
        role: 'seller',
        currentPassword: second.password,
      }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 422]);
    let survivor = r1.statusCode === 422 ? root : second;
    expect(await db.select().from(schema.users).where(eq(schema.users.role, 'admin'))).toHaveLength(1);

    // Locking needs no password, so these requests reach the database together: several rounds of
    // two admins locking themselves at the same moment always leave exactly one.
    for (let round = 0; round < 4; round++) {
      const other = await newAdmin();
      const pair = [survivor, other];
      const results = await Promise.all(
        pair.map((a) => call('PATCH', `/admin/users/${a.user.id}`, a.session, { locked: true })),
      );
      expect(results.map((r) => r.statusCode).sort(), `round ${round}`).toEqual([200, 422]);
      survivor = pair[results.findIndex((r) => r.statusCode === 422)]!;
    }
    const usable = await db.select().from(schema.users).where(eq(schema.users.role, 'admin'));
    expect(usable.filter((u) => u.lockedAt === null)).toHaveLength(1);
  });
});
