import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sc-config-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('gives a new user working defaults: embedded database, demo data, generated secrets kept in DATA_DIR', async () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, seedDemo: true });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.encryptionKey).toHaveLength(32);
    const file = path.join(dataDir, 'secrets.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).jwtSecret).toBe(config.jwtSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(config.jwtSecret);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the current privacy policy version, 2026-01 unless set', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).privacyPolicyVersion).toBe('2026-01');
    expect(loadConfig({ DATA_DIR: dataDir, PRIVACY_POLICY_VERSION: '2026-07' }).privacyPolicyVersion).toBe(
      '2026-07',
    );
  });

  it('resolves a relative DATA_DIR against the directory the command was started from', () => {
    const config = loadConfig({
      DATA_DIR: 'shop-data',
      INIT_CWD: dataDir,
      JWT_SECRET: 'x'.repeat(40),
      ENCRYPTION_KEY: 'ab'.repeat(32),
    });
    expect(config.dataDir).toBe(path.join(dataDir, 'shop-data'));
  });

  it('turns the demo seed off by default on a PostgreSQL server', () => {
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://u@db:5432/shop' });
    expect(config.seedDemo).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ PAYMENT_PROVIDER: 'paypal' }, 'PAYMENT_PROVIDER'],
    [{ ENCRYPTION_KEY: 'short' }, 'ENCRYPTION_KEY'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ PAYMENT_PROVIDER: 'stripe' }, 'STRIPE_SECRET_KEY'],
    [{ TLS_CERT_FILE: '/x.pem' }, 'TLS_KEY_FILE'],
  ])('refuses %o with a message naming %s', (env, name) => {
    expect(() => loadConfig({ DATA_DIR: dataDir, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir, ...env })).toThrow(name);
  });

  it('never puts secrets in the error message', () => {
    const secret = 'x'.repeat(10);
    try {
      loadConfig({ DATA_DIR: dataDir, JWT_SECRET: secret });
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
    expect.assertions(1);
  });
});
