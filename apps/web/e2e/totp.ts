import { createRequire } from 'node:module';

/**
 * otplib is a dependency of the API, not of the web app: resolve it the way the API does, so the
 * journey computes codes with the very library the server verifies them with.
 */
const requireFromApi = createRequire(new URL('../../api/package.json', import.meta.url));
const { authenticator } = requireFromApi('otplib') as { authenticator: { generate(secret: string): string } };

export const TOTP_STEP_MS = 30 * 1000;

/** RFC 6238 time step number of `at`. */
export const totpStep = (at = Date.now()) => Math.floor(at / TOTP_STEP_MS);

export const totpCode = (secret: string): string => authenticator.generate(secret);

/** A code from a spent step is refused (replay protection), so wait for a step after `spent`. */
export async function waitForStepAfter(spent: number): Promise<void> {
  while (totpStep() <= spent) await new Promise((resolve) => setTimeout(resolve, 250));
}
