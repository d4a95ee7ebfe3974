import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['customer', 'seller', 'admin']);

export interface UserPreferences {
  language: string;
  currency: string;
  marketingEmails: boolean;
}

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Normalised: trimmed, NFKC, lower-cased. */
    email: text().notNull().unique(),
    name: text().notNull(),
    role: userRole().notNull().default('customer'),
    passwordHash: text(),
    phone: text(),
    dateOfBirth: date({ mode: 'string' }),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    preferences: jsonb()
      .$type<UserPreferences>()
      .notNull()
      .default({ language: 'en', currency: 'USD', marketingEmails: false }),
    privacyPolicyVersion: text(),
    privacyAcceptedAt: timestamp({ withTimezone: true }),
    /** Set by an admin; login answers 423 until cleared. */
    lockedAt: timestamp({ withTimezone: true }),
    /** AES-256-GCM ciphertext of the TOTP secret (iv.tag.data, base64url). */
    mfaSecretEnc: text(),
    mfaEnabledAt: timestamp({ withTimezone: true }),
    /** Last accepted TOTP time step: a code at or before it is a replay. */
    mfaLastStep: bigint({ mode: 'number' }),
    /** GDPR erasure: the row stays (orders reference it) but holds no personal data. */
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_role_idx').on(t.role),
    index('users_created_idx').on(t.createdAt),
    index('users_name_search_idx').using('gin', sql`to_tsvector('simple', ${t.name})`),
  ],
);
