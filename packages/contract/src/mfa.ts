import { z } from 'zod';
import { passwordInputSchema } from './account.ts';

export const mfaSetupBodySchema = z.object({ password: passwordInputSchema });
export type MfaSetupBody = z.infer<typeof mfaSetupBodySchema>;

export const mfaSetupSchema = z
  .object({
    secret: z.string().describe('Base32 TOTP secret, for typing into an authenticator by hand'),
    otpauthUrl: z.string().describe('otpauth:// URI (RFC 6238, SHA-1, 6 digits, 30 s)'),
    qrCodeDataUrl: z.string().describe('The otpauth URI as a PNG QR code data: URL'),
  })
  .meta({ id: 'MfaSetup' });
export type MfaSetup = z.infer<typeof mfaSetupSchema>;

/** Six digits; spaces (`123 456`, as apps display it) are dropped. */
export const totpCodeSchema = z
  .string()
  .overwrite((value) => value.replace(/\s/g, ''))
  .regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app');

export const mfaEnableBodySchema = z.object({ code: totpCodeSchema });
export type MfaEnableBody = z.infer<typeof mfaEnableBodySchema>;

export const mfaRecoveryCodesSchema = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .describe('Ten single-use codes such as k7q2m-9xm4p; shown this once only'),
  })
  .meta({ id: 'MfaRecoveryCodes' });
export type MfaRecoveryCodes = z.infer<typeof mfaRecoveryCodesSchema>;

export const mfaDisableBodySchema = z.object({
  password: passwordInputSchema,
  code: z.string().trim().min(6).max(32).describe('A current 6-digit code or an unused recovery code'),
});
export type MfaDisableBody = z.infer<typeof mfaDisableBodySchema>;
