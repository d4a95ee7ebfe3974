import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { signIn } from '../../../test/auth.ts';
import { testConfig } from '../../../test/config.ts';
import { buildApp } from '../../app.ts';

const seedAdmin = { email: 'Admin@Shop.test', password: 'Granite-Lighthouse-71' };
const ctx = await useTestApp({ seedAdmin });
const db = ctx.database.handle.db;

describe('seed admin', () => {
  it('creates a verified admin from SEED_ADMIN_* that can sign in', async () => {
    const [admin] = await db.select().from(schema.users).where(eq(schema.users.email, 'admin@shop.test'));
    expect(admin).toMatchObject({ role: 'admin', privacyPolicyVersion: '2026-01' });
    expect(admin!.emailVerifiedAt).toBeInstanceOf(Date);
    await expect(signIn(ctx.app, 'admin@shop.test', seedAdmin.password)).resolves.toBeDefined();
  });

  it('is idempotent on restart and never overwrites a changed password', async () => {
    const [before] = await db.select().from(schema.users).where(eq(schema.users.email, 'admin@shop.test'));
    await db.update(schema.users).set({ role: 'customer' }).where(eq(schema.users.id, before!.id));
    const restarted = await buildApp(testConfig({ seedAdmin }), {
      logger: false,
      database: ctx.database.handle,
    });
    await restarted.ready();
    await restarted.close();
    const admins = await db.select().from(schema.users).where(eq(schema.users.email, 'admin@shop.test'));
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({ id: before!.id, role: 'admin', passwordHash: before!.passwordHash });
  });

  it('refuses to start in production with a weak seed password', async () => {
    const weak = testConfig({
      env: 'production',
      seedAdmin: { email: 'a@shop.test', password: 'Password1!' },
    });
    await expect(buildApp(weak, { logger: false, database: ctx.database.handle })).rejects.toThrow(
      'SEED_ADMIN_PASSWORD is weak',
    );
  });
});
