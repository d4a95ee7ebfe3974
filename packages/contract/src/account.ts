import { z } from 'zod';
import { isCountryCode, normalisePostalCode, postalCodeExample, REGION_RULES } from './address-rules.ts';
import { pageOf } from './common.ts';

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

/** One line of text a person typed: trimmed, required, bounded, no control characters. */
const textField = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .max(max)
    .regex(NO_CONTROL_CHARACTERS, 'must not contain control characters');

/** A password as typed, for re-authentication; bounded so hashing stays cheap. The rules apply to new ones. */
export const passwordInputSchema = z.string().min(1, 'is required').max(1024);

export const personNameSchema = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1, 'is required')
  .max(100)
  .regex(/^\p{L}[\p{L}\p{M}' ’-]*$/u, 'may contain only letters, spaces, hyphens and apostrophes');

/** E.164; spaces, dots, dashes and brackets are dropped first so `+1 (415) 555-0123` is accepted. */
export const phoneSchema = z
  .string()
  .overwrite((value) => value.replace(/[\s().-]/g, ''))
  .regex(/^\+[1-9]\d{5,14}$/, 'must be an international number in E.164 form, e.g. +14155550123');

export const MINIMUM_AGE_YEARS = 13;

const isoDateYearsAgo = (years: number) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date.toISOString().slice(0, 10);
};

export const dateOfBirthSchema = z.iso
  .date('must be a date written YYYY-MM-DD')
  .refine((value) => value < isoDateYearsAgo(0), { message: 'must be in the past', abort: true })
  .refine((value) => value >= '1900-01-01', { message: 'must be after 1900', abort: true })
  .refine((value) => value <= isoDateYearsAgo(MINIMUM_AGE_YEARS), {
    message: `you must be at least ${MINIMUM_AGE_YEARS} years old`,
  });

function canonicalLanguageTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag; // The pattern check already reports it.
  }
}

/** BCP 47 language, optional script, optional region: `en`, `en-GB`, `zh-Hant-TW`, `es-419`. */
export const languageTagSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?$/i, 'must be a language tag such as en or en-GB')
  .overwrite(canonicalLanguageTag);

const CURRENCY_CODES = new Set(Intl.supportedValuesOf('currency'));

export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => CURRENCY_CODES.has(code), 'must be an ISO 4217 currency code such as USD');

export const preferencesSchema = z
  .object({ language: z.string(), currency: z.string(), marketingEmails: z.boolean() })
  .meta({ id: 'Preferences' });
export type Preferences = z.infer<typeof preferencesSchema>;

const roles = ['customer', 'seller', 'admin'] as const;

export const profileSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    dateOfBirth: z.string().nullable().describe('YYYY-MM-DD'),
    role: z.enum(roles),
    emailVerified: z.boolean(),
    mfaEnabled: z.boolean(),
    preferences: preferencesSchema,
  })
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof profileSchema>;

export const updateProfileBodySchema = z
  .object({
    name: personNameSchema.optional(),
    phone: phoneSchema.nullable().optional().describe('null removes it'),
    dateOfBirth: dateOfBirthSchema.nullable().optional().describe('YYYY-MM-DD; null removes it'),
    preferences: z
      .object({
        language: languageTagSchema,
        currency: currencyCodeSchema,
        marketingEmails: z.boolean(),
      })
      .partial()
      .optional()
      .describe('Merged into the stored preferences'),
  })
  .describe('Only these fields change; anything else (role, email, emailVerified, …) is ignored.');
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: passwordInputSchema,
  newPassword: passwordInputSchema.describe('8–128 characters with upper, lower, digit and special'),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const changeEmailBodySchema = z.object({
  currentPassword: passwordInputSchema,
  newEmail: z.string().trim().max(254).pipe(z.email('must be an email address')),
});
export type ChangeEmailBody = z.infer<typeof changeEmailBodySchema>;

export const acceptedMessageSchema = z.object({ message: z.string() });
export type AcceptedMessage = z.infer<typeof acceptedMessageSchema>;

export const deleteAccountBodySchema = z.object({ password: passwordInputSchema });
export type DeleteAccountBody = z.infer<typeof deleteAccountBodySchema>;

// Addresses -------------------------------------------------------------------------------------

const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code such as US');

/** Optional free text: trimmed, bounded; empty means absent. */
const optionalTextField = (max: number) =>
  z.string().trim().max(max).regex(NO_CONTROL_CHARACTERS, 'must not contain control characters');

const addressFieldsSchema = z.object({
  name: textField(100).describe('Recipient'),
  line1: textField(200),
  line2: optionalTextField(200).nullish(),
  city: textField(100),
  region: optionalTextField(100).optional().describe('State or province code; required for US and CA'),
  postalCode: textField(20),
  country: countryCodeSchema.describe('ISO 3166-1 alpha-2; lower case is accepted and upper-cased'),
  phone: phoneSchema.nullish(),
  isDefault: z.boolean().optional(),
});

/** Rules across fields (postal code shape and region list per country), and the canonical forms. */
function checkAddress(address: z.infer<typeof addressFieldsSchema>, ctx: z.RefinementCtx) {
  const { country } = address;
  const postalCode = normalisePostalCode(country, address.postalCode);
  if (!postalCode) {
    const example = postalCodeExample(country);
    ctx.addIssue({
      code: 'custom',
      path: ['postalCode'],
      message: example
        ? `is not a valid ${country} postal code (e.g. ${example})`
        : 'is not a valid postal code',
    });
  }
  const regionRule = REGION_RULES[country];
  const region = regionRule ? (address.region ?? '').toUpperCase() : (address.region ?? '');
  const regionValid = !regionRule || regionRule.codes.has(region);
  if (!regionValid) {
    ctx.addIssue({ code: 'custom', path: ['region'], message: `must be a ${regionRule?.label}` });
  }
  if (!postalCode || !regionValid) return z.NEVER;
  return {
    name: address.name,
    line1: address.line1,
    line2: address.line2 || null,
    city: address.city,
    region,
    postalCode,
    country,
    phone: address.phone ?? null,
    isDefault: address.isDefault,
  };
}

/** A whole address as a client sends it (also the optional first address at registration). */
export const addressInputSchema = addressFieldsSchema.transform(checkAddress);
export type AddressInput = z.output<typeof addressInputSchema>;
/** What a client sends (before normalisation): region, line2 and phone may be left out. */
export type AddressBody = z.input<typeof addressInputSchema>;

/** Fields to change; the service merges them into the stored address and checks the result as a whole. */
export const addressPatchSchema = addressFieldsSchema.partial();
export type AddressPatch = z.output<typeof addressPatchSchema>;
export type AddressPatchBody = z.input<typeof addressPatchSchema>;

export const addressSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    region: z.string().describe('Empty when the country needs none'),
    postalCode: z.string(),
    country: z.string().length(2),
    phone: z.string().nullable(),
    isDefault: z.boolean(),
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof addressSchema>;

export const addressPageSchema = pageOf(addressSchema);

export const addressParamsSchema = z.object({ id: z.uuid() });

// GDPR export -----------------------------------------------------------------------------------

export const exportedProfileSchema = profileSchema.extend({
  createdAt: z.iso.datetime(),
  emailVerifiedAt: z.iso.datetime().nullable(),
  mfaEnabledAt: z.iso.datetime().nullable(),
});

export const exportedPrivacySchema = z.object({
  policyVersion: z.string().nullable(),
  acceptedAt: z.iso.datetime().nullable(),
});

export const exportedSessionSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  revokedReason: z.string().nullable(),
  rememberMe: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const exportedAuditEntrySchema = z.object({
  at: z.iso.datetime(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

/**
 * Everything stored about the signed-in user. Modules that keep more (orders, reviews, wishlist)
 * add their own top-level section, each passed through its own schema before it is sent.
 */
export const accountExportSchema = z
  .object({
    exportedAt: z.iso.datetime(),
    profile: exportedProfileSchema,
    privacy: exportedPrivacySchema,
    addresses: z.array(addressSchema),
    sessions: z.array(exportedSessionSchema),
    auditLog: z.array(exportedAuditEntrySchema).describe('Events where the user was the actor'),
  })
  .catchall(z.unknown())
  .meta({ id: 'AccountExport' });
export type AccountExport = z.infer<typeof accountExportSchema>;
