import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  DEFAULT_SHIPPING_METHODS,
  jsonEnv,
  mergeTaxRates,
  type ShippingMethod,
  shippingMethodsSchema,
  type TaxTable,
  taxTableSchema,
} from './modules/pricing/pricing-config.ts';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalString = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[0-9a-f]{64}$/i, 'must be 32 bytes as 64 hex characters')
      .optional(),
  ),
  SMTP_URL: optionalString.pipe(z.url().optional()),
  MAIL_FROM: z.string().default('SecureCart <no-reply@securecart.local>'),
  PAYMENT_PROVIDER: z.enum(['simulated', 'stripe']).default('simulated'),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_PUBLISHABLE_KEY: optionalString,
  STRIPE_API_BASE: optionalString.pipe(z.url().optional()),
  REDIS_URL: optionalString.pipe(z.url().optional()),
  TRUST_PROXY: booleanFromEnv.default(false),
  TLS_CERT_FILE: optionalString,
  TLS_KEY_FILE: optionalString,
  REQUIRE_LOGIN: booleanFromEnv.default(false),
  SEED_DEMO: booleanFromEnv.optional(),
  SEED_ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  SEED_ADMIN_PASSWORD: optionalString,
  PRIVACY_POLICY_VERSION: z.string().trim().min(1).default('2026-01'),
  CORS_ORIGINS: z.string().default(''),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(600),
  ABANDON_AFTER_MINUTES: z.coerce.number().int().min(1).max(43_200).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().default(path.join(repoRoot, 'apps/web/dist')),
  /** JSON; each country given replaces the built-in entry for that country. */
  TAX_RATES: optionalString.pipe(jsonEnv(taxTableSchema).optional()),
  /** JSON list; replaces the built-in shipping methods entirely. */
  SHIPPING_METHODS: optionalString.pipe(jsonEnv(shippingMethodsSchema).optional()),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  jwtSecret: string;
  encryptionKey: Buffer;
  smtpUrl: string | undefined;
  mailFrom: string;
  payments: {
    provider: 'simulated' | 'stripe';
    stripeSecretKey: string | undefined;
    stripeWebhookSecret: string | undefined;
    stripePublishableKey: string | undefined;
    stripeApiBase: string | undefined;
  };
  redisUrl: string | undefined;
  trustProxy: boolean;
  tls: { certFile: string; keyFile: string } | undefined;
  requireLogin: boolean;
  seedDemo: boolean;
  seedAdmin: { email: string; password: string } | undefined;
  /** Current privacy policy; a user who accepted an older one must re-accept at login. */
  privacyPolicyVersion: string;
  corsOrigins: string[];
  /** Requests per minute per client IP for routes without a tighter limit. */
  rateLimitMax: number;
  /** An open checkout idle this long (with a known email) is abandoned and gets one recovery email. */
  abandonAfterMinutes: number;
  logLevel: string;
  webDistDir: string;
  /** Migrations run at start-up unless a caller (tests) already migrated. */
  migrateOnStart: boolean;
  /** Country (and region) → basis points: built-in defaults merged with `TAX_RATES`. */
  taxRates: TaxTable;
  shippingMethods: ShippingMethod[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment once; nothing else reads `process.env`. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && (!e.JWT_SECRET || !e.ENCRYPTION_KEY)) {
    throw new ConfigError(
      'Invalid configuration:\n  JWT_SECRET and ENCRYPTION_KEY are required when NODE_ENV=production',
    );
  }
  if (e.PAYMENT_PROVIDER === 'stripe' && (!e.STRIPE_SECRET_KEY || !e.STRIPE_WEBHOOK_SECRET)) {
    throw new ConfigError(
      'Invalid configuration:\n  PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET',
    );
  }
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) {
    throw new ConfigError('Invalid configuration:\n  TLS_CERT_FILE and TLS_KEY_FILE go together');
  }
  if (Boolean(e.SEED_ADMIN_EMAIL) !== Boolean(e.SEED_ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration:\n  SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD go together');
  }
  // Relative to where the user ran the command (pnpm runs scripts inside apps/api and says where it
  // started in INIT_CWD), so `./data` is the repository's ./data after `npm start`.
  const dataDir = path.resolve(env.INIT_CWD ?? process.cwd(), e.DATA_DIR);
  const secrets = e.JWT_SECRET && e.ENCRYPTION_KEY ? undefined : devSecrets(dataDir);
  const scheme = e.TLS_CERT_FILE ? 'https' : 'http';
  const publicUrl = (e.PUBLIC_URL ?? `${scheme}://localhost:${e.PORT}`).replace(/\/+$/, '');
  const corsOrigins = e.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);

  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    publicUrl,
    jwtSecret: e.JWT_SECRET ?? secrets!.jwtSecret,
    encryptionKey: Buffer.from(e.ENCRYPTION_KEY ?? secrets!.encryptionKey, 'hex'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    payments: {
      provider: e.PAYMENT_PROVIDER,
      stripeSecretKey: e.STRIPE_SECRET_KEY,
      stripeWebhookSecret: e.STRIPE_WEBHOOK_SECRET,
      stripePublishableKey: e.STRIPE_PUBLISHABLE_KEY,
      stripeApiBase: e.STRIPE_API_BASE,
    },
    redisUrl: e.REDIS_URL,
    trustProxy: e.TRUST_PROXY,
    tls:
      e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : undefined,
    requireLogin: e.REQUIRE_LOGIN,
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    seedAdmin:
      e.SEED_ADMIN_EMAIL && e.SEED_ADMIN_PASSWORD
        ? { email: e.SEED_ADMIN_EMAIL, password: e.SEED_ADMIN_PASSWORD }
        : undefined,
    privacyPolicyVersion: e.PRIVACY_POLICY_VERSION,
    corsOrigins: corsOrigins.length > 0 ? corsOrigins : [new URL(publicUrl).origin],
    rateLimitMax: e.RATE_LIMIT_MAX,
    abandonAfterMinutes: e.ABANDON_AFTER_MINUTES,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    migrateOnStart: true,
    taxRates: mergeTaxRates(e.TAX_RATES),
    shippingMethods: e.SHIPPING_METHODS ?? DEFAULT_SHIPPING_METHODS,
  });
}

/** Outside production, secrets are generated once and kept in DATA_DIR so restarts keep sessions valid. */
function devSecrets(dataDir: string): { jwtSecret: string; encryptionKey: string } {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const secrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    encryptionKey: randomBytes(32).toString('hex'),
  };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}
