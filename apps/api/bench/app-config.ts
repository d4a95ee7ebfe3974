import { randomBytes } from 'node:crypto';
import { type Config, loadConfig } from '../src/config.ts';

/** The admin the app seeds in the throw-away bench database (report scenarios sign in as it). */
export const BENCH_ADMIN = { email: 'bench-admin@example.test', password: 'Bench-Harbor-Kettle-2026' };

/**
 * The real application's configuration, as production has it, minus the per-IP rate limit
 * ceiling (every bench connection comes from 127.0.0.1). The bench process prepares checkout
 * drafts with the same encryption key, tax table and shipping methods as the server it runs.
 */
export function benchAppConfig(databaseUrl: string, encryptionKey: string, dataDir?: string): Config {
  return loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    // The run's temporary directory: order confirmations land there as .eml files (no SMTP).
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '1000000000',
    // The login scenario sends one client IP per request in X-Forwarded-For, as behind a proxy.
    TRUST_PROXY: 'true',
    SEED_DEMO: 'false',
    SEED_ADMIN_EMAIL: BENCH_ADMIN.email,
    SEED_ADMIN_PASSWORD: BENCH_ADMIN.password,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    ENCRYPTION_KEY: encryptionKey,
  });
}
