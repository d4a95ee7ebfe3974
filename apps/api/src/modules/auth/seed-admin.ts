import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { normalizeEmail } from '../../lib/email.ts';
import { passwordProblems } from '../../lib/passwords.ts';
import { authQueries } from './auth-queries.ts';

/**
 * Ensures SEED_ADMIN_EMAIL exists as a verified admin at start. Idempotent: an existing account is
 * promoted and verified, but its password is never overwritten (the admin may have changed it).
 */
export const seedAdminPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    if (!config.seedAdmin) return;
    const email = normalizeEmail(config.seedAdmin.email);
    const problems = passwordProblems(config.seedAdmin.password, { email });
    if (problems.length > 0) {
      const message = `SEED_ADMIN_PASSWORD is weak: it ${problems.join('; ')}`;
      if (config.env === 'production') throw new Error(message);
      app.log.warn(message);
    }
    const now = app.clock();
    const outcome = await authQueries(app.db).ensureAdmin({
      email,
      name: 'Administrator',
      role: 'admin',
      passwordHash: await app.passwords.hash(config.seedAdmin.password),
      emailVerifiedAt: now,
      privacyPolicyVersion: config.privacyPolicyVersion,
      privacyAcceptedAt: now,
    });
    app.log.info({ email, outcome }, 'seed admin ensured');
  },
  { name: 'seed-admin', dependencies: ['db', 'clock', 'passwords'] },
);
