import { forbidden } from './errors.ts';
import type { Passwords } from './passwords.ts';

/**
 * Sensitive changes (password, email, 2FA, erasure) ask for the current password again, so a
 * stolen access token alone cannot take the account over. A wrong password is a 403: the caller
 * is signed in, just not allowed.
 */
export async function requireCurrentPassword(
  passwords: Pick<Passwords, 'verify' | 'verifyDummy'>,
  passwordHash: string | null,
  password: string,
): Promise<void> {
  if (passwordHash && (await passwords.verify(passwordHash, password))) return;
  // Same cost either way, so timing does not tell an account without a password apart.
  if (!passwordHash) await passwords.verifyDummy(password);
  throw forbidden('The current password is not correct.', 'wrong_password');
}

/** Per client IP on every route that checks a password or code: a stolen access token is no guessing oracle. */
export const REAUTH_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;
