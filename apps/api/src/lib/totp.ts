import { randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import { sha256 } from './crypto.ts';

// RFC 6238 as authenticator apps implement it: 30 s steps, 6 digits, SHA-1; one step of drift
// either way covers clock skew and a code typed just as it rolled over.
export const TOTP_STEP_SECONDS = 30;
const TOTP_WINDOW_STEPS = 1;
const TOTP_SECRET_BYTES = 20;
export const RECOVERY_CODE_COUNT = 10;

const totpAt = (now: Date) =>
  authenticator.clone({
    epoch: now.getTime(),
    step: TOTP_STEP_SECONDS,
    window: TOTP_WINDOW_STEPS,
    digits: 6,
  });

export const generateTotpSecret = () => authenticator.generateSecret(TOTP_SECRET_BYTES);

export const totpKeyUri = (accountEmail: string, secret: string) =>
  authenticator.keyuri(accountEmail, 'SecureCart', secret);

/** The code an authenticator app shows at `now` (tests and setup previews). */
export const totpCode = (secret: string, now: Date) => totpAt(now).generate(secret);

/**
 * The time step a code belongs to, or null when it matches none in the window. Callers store the
 * step (users.mfa_last_step, compare-and-set) so the same code cannot be accepted twice.
 */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpAt(now).checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now.getTime() / (TOTP_STEP_SECONDS * 1000)) + delta;
}

/** Users may type recovery codes with spaces, dashes or capitals. */
export const normalizeRecoveryCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
export const hashRecoveryCode = (code: string) => sha256(normalizeRecoveryCode(code));

/** Ten codes of 50 random bits each, shown once as `xxxxx-xxxxx`; stored only as hashes. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  // 32 symbols (no i, l, o, 1) so each byte's low 5 bits pick one without modulo bias.
  const alphabet = 'abcdefghjkmnpqrstuvwxyz023456789';
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((byte) => alphabet[byte & 31]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}
