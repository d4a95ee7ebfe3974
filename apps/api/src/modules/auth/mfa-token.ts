import type { JWT } from '@fastify/jwt';

export const MFA_TOKEN_AUDIENCE = 'securecart-mfa';
const MFA_TOKEN_TTL_SECONDS = 5 * 60;

export interface MfaPending {
  userId: string;
  rememberMe: boolean;
  /** The password step accepted the current privacy policy; recorded once the second factor passes. */
  acceptPrivacy: boolean;
}

/**
 * The proof that the password step passed, good only at POST /auth/login/mfa: another audience,
 * and no role or session claim, so it can never pass as a bearer access token.
 */
export function mfaTokens(jwt: JWT, clock: () => Date) {
  return {
    sign(pending: MfaPending): string {
      return jwt.sign(
        { sub: pending.userId, purpose: 'mfa', rm: pending.rememberMe, pp: pending.acceptPrivacy },
        { aud: MFA_TOKEN_AUDIENCE, expiresIn: MFA_TOKEN_TTL_SECONDS, clockTimestamp: clock().getTime() },
      );
    },

    verify(token: string): MfaPending | undefined {
      try {
        const claims = jwt.verify<Record<string, unknown>>(token, {
          allowedAud: MFA_TOKEN_AUDIENCE,
          clockTimestamp: clock().getTime(),
        });
        if (claims.purpose !== 'mfa' || typeof claims.sub !== 'string') return undefined;
        return { userId: claims.sub, rememberMe: claims.rm === true, acceptPrivacy: claims.pp === true };
      } catch {
        return undefined;
      }
    },
  };
}
export type MfaTokens = ReturnType<typeof mfaTokens>;
