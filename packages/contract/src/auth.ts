import { z } from 'zod';
import {
  acceptedMessageSchema,
  addressInputSchema,
  dateOfBirthSchema,
  passwordInputSchema,
  personNameSchema,
  phoneSchema,
} from './account.ts';
import { pageOf } from './common.ts';
import { totpCodeSchema } from './mfa.ts';

export const emailSchema = z.string().trim().max(254).pipe(z.email('must be an email address'));

/**
 * A new password as typed. The server checks the rules it alone can (the common-password list,
 * not containing your email) and answers 400 listing every rule broken.
 */
export const newPasswordSchema = z
  .string()
  .min(1, 'is required')
  .max(1024)
  .describe(
    '8–128 characters with an upper-case letter, a lower-case letter, a digit and a special character; not a common password',
  );

const opaqueTokenSchema = z.string().trim().min(1, 'is required').max(512);

export const clientKindSchema = z
  .enum(['web', 'api'])
  .describe('`api`: the refresh token is also returned in the body, for clients without cookies');

export const registerBodySchema = z
  .object({
    email: emailSchema,
    password: newPasswordSchema,
    name: personNameSchema,
    acceptPrivacy: z.literal(true, 'you must accept the privacy policy'),
    phone: phoneSchema.optional(),
    dateOfBirth: dateOfBirthSchema.optional(),
    address: addressInputSchema.optional().describe('Saved as the default address'),
  })
  .describe('Unknown fields (`role`, `emailVerified`, …) are ignored, never applied.');
export type RegisterBody = z.input<typeof registerBodySchema>;

export const messageSchema = acceptedMessageSchema.meta({ id: 'Message' });
export type Message = z.infer<typeof messageSchema>;

export const tokenBodySchema = z.object({ token: opaqueTokenSchema });
export type TokenBody = z.infer<typeof tokenBodySchema>;

export const emailBodySchema = z.object({ email: emailSchema });
export type EmailBody = z.infer<typeof emailBodySchema>;

export const loginBodySchema = z.object({
  email: emailSchema,
  password: passwordInputSchema,
  rememberMe: z
    .boolean()
    .default(false)
    .describe('Keep the session 30 days instead of ending it after 30 min idle; ignored for admins'),
  client: clientKindSchema.optional(),
  acceptPrivacy: z
    .literal(true)
    .optional()
    .describe('Accepts the current privacy policy; required after a 428 `privacy_policy_update_required`'),
});
export type LoginBody = z.input<typeof loginBodySchema>;

export const roleSchema = z.enum(['customer', 'seller', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const authUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    emailVerified: z.boolean(),
    mfaEnabled: z.boolean(),
  })
  .meta({ id: 'AuthUser' });
export type AuthUser = z.infer<typeof authUserSchema>;

export const sessionTokensSchema = z
  .object({
    accessToken: z.string().describe('Bearer JWT'),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    user: authUserSchema,
    refreshToken: z.string().optional().describe('Only when the request had `client: "api"`'),
  })
  .meta({ id: 'SessionTokens' });
export type SessionTokens = z.infer<typeof sessionTokensSchema>;

export const mfaChallengeSchema = z
  .object({
    mfaRequired: z.literal(true),
    mfaToken: z.string().describe('Valid 5 min, only at POST /auth/login/mfa'),
  })
  .meta({ id: 'MfaChallenge' });
export type MfaChallenge = z.infer<typeof mfaChallengeSchema>;

export const loginResultSchema = z.union([sessionTokensSchema, mfaChallengeSchema]);
export type LoginResult = z.infer<typeof loginResultSchema>;

export const loginMfaBodySchema = z
  .object({
    mfaToken: z.string().min(1).max(2048),
    code: totpCodeSchema.optional(),
    recoveryCode: z.string().trim().min(1).max(64).optional(),
    client: clientKindSchema.optional(),
  })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    path: ['code'],
    message: 'give either code or recoveryCode',
  });
export type LoginMfaBody = z.input<typeof loginMfaBodySchema>;

export const refreshBodySchema = z
  .object({ refreshToken: opaqueTokenSchema.optional().describe('Instead of the sc_refresh cookie') })
  // Browsers send no body at all: the token is in the cookie.
  .nullish();
export type RefreshBody = z.infer<typeof refreshBodySchema>;

export const refreshResultSchema = z
  .object({
    accessToken: z.string(),
    expiresIn: z.number().int(),
    refreshToken: z.string().optional().describe('The rotated token, when the old one came in the body'),
  })
  .meta({ id: 'RefreshResult' });
export type RefreshResult = z.infer<typeof refreshResultSchema>;

export const resetPasswordBodySchema = z.object({ token: opaqueTokenSchema, newPassword: newPasswordSchema });
export type ResetPasswordBody = z.infer<typeof resetPasswordBodySchema>;

export const sessionSchema = z
  .object({
    id: z.uuid().describe('Equals the `sid` claim of the access tokens it issues'),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    current: z.boolean().describe('The session of the token making this request'),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const sessionPageSchema = pageOf(sessionSchema);

export const sessionParamsSchema = z.object({ id: z.uuid() });
