import type { Config } from '../src/config.ts';
import { DEFAULT_SHIPPING_METHODS, DEFAULT_TAX_RATES } from '../src/modules/pricing/pricing-config.ts';

/** A complete, valid configuration for tests; override what a test is about. */
export function testConfig(overrides: Partial<Config> = {}): Readonly<Config> {
  return Object.freeze({
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: '/nonexistent-test-data-dir',
    publicUrl: 'http://shop.test',
    jwtSecret: 'test-jwt-secret-that-is-long-enough-0123456789',
    encryptionKey: Buffer.alloc(32, 7),
    smtpUrl: undefined,
    mailFrom: 'SecureCart <no-reply@shop.test>',
    payments: {
      provider: 'simulated',
      stripeSecretKey: undefined,
      stripeWebhookSecret: undefined,
      stripePublishableKey: undefined,
      stripeApiBase: undefined,
    },
    redisUrl: undefined,
    trustProxy: false,
    tls: undefined,
    requireLogin: false,
    seedDemo: false,
    seedAdmin: undefined,
    privacyPolicyVersion: '2026-01',
    corsOrigins: ['http://shop.test'],
    rateLimitMax: 10_000,
    abandonAfterMinutes: 60,
    logLevel: 'silent',
    webDistDir: '/nonexistent-web-dist',
    migrateOnStart: false,
    taxRates: DEFAULT_TAX_RATES,
    shippingMethods: DEFAULT_SHIPPING_METHODS,
    ...overrides,
  } satisfies Config);
}
