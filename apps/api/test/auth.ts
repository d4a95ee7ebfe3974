import { randomBytes } from 'node:crypto';
import { type Database, schema } from '@securecart/db';
import type { App } from '../src/app.ts';
import { createPasswords } from '../src/lib/passwords.ts';
import type { Role } from '../src/plugins/auth.ts';

/** A password that passes every rule; tests that need a different one say so. */
export const STRONG_PASSWORD = 'Velvet-Harbor-Kettle-93';

const passwords = createPasswords();
let ipCounter = 0;

/**
 * A fresh client IP for `app.inject({ remoteAddress })`: per-IP rate limits (login 10/min, …)
 * would otherwise make tests depend on each other.
 */
export function nextIp(): string {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export interface CreateUserOptions {
  email?: string;
  password?: string;
  role?: Role;
  verified?: boolean;
  name?: string;
  /** The privacy policy version the user accepted; defaults to the test config's current one. */
  privacyPolicyVersion?: string;
}

/** Inserts a user with a real argon2id hash (≈50 ms: share users across tests that do not mutate them). */
export async function createUser(db: Database, options: CreateUserOptions = {}) {
  const password = options.password ?? STRONG_PASSWORD;
  const [user] = await db
    .insert(schema.users)
    .values({
      email: options.email ?? `user-${randomBytes(5).toString('hex')}@example.test`,
      name: options.name ?? 'Test User',
      role: options.role ?? 'customer',
      passwordHash: await passwords.hash(password),
      emailVerifiedAt: options.verified === false ? null : new Date(),
      privacyPolicyVersion: options.privacyPolicyVersion ?? '2026-01',
      privacyAcceptedAt: new Date(),
    })
    .returning();
  return { user: user!, password };
}

export interface SignedIn {
  accessToken: string;
  /** `sc_refresh=…`, ready for a `cookie` header. */
  cookie: string;
  refreshToken: string;
  sessionId: string;
  auth: { authorization: string };
}

/** Signs in through the real POST /auth/login (as an API client, so the refresh token is in the body). */
export async function signIn(
  app: App,
  email: string,
  password: string,
  options: { ip?: string; rememberMe?: boolean } = {},
): Promise<SignedIn> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: options.ip ?? nextIp(),
    payload: { email, password, client: 'api', rememberMe: options.rememberMe },
  });
  if (res.statusCode !== 200) throw new Error(`signIn failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { accessToken: string; refreshToken: string };
  const cookie = res.cookies.find((c) => c.name === 'sc_refresh');
  const claims = JSON.parse(Buffer.from(body.accessToken.split('.')[1]!, 'base64url').toString('utf8'));
  return {
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    cookie: `sc_refresh=${cookie?.value ?? ''}`,
    sessionId: claims.sid,
    auth: { authorization: `Bearer ${body.accessToken}` },
  };
}
