import { randomBytes } from 'node:crypto';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { BENCH_ADMIN } from '../scenarios.ts';
import { announceReady, requiredEnv } from './child.ts';

// The real application, configured the way production is (loadConfig), minus the per-IP
// rate limit ceiling: every bench connection comes from 127.0.0.1.
const config = loadConfig({
  NODE_ENV: 'production',
  DATABASE_URL: requiredEnv('BENCH_APP_DATABASE_URL'),
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
  ENCRYPTION_KEY: randomBytes(32).toString('hex'),
});
const app = await buildApp(config);
await app.listen({ port: config.port, host: config.host });
announceReady(app.server, () => app.close());
