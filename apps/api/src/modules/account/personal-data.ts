import {
  addressSchema,
  exportedAuditEntrySchema,
  exportedPrivacySchema,
  exportedProfileSchema,
  exportedSessionSchema,
} from '@securecart/contract';
import type { Executor } from '@securecart/db';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { unauthorized } from '../../lib/errors.ts';
import { toProfile } from './account-service.ts';
import { toAddress } from './address-service.ts';
import { personalDataQueries } from './personal-data-queries.ts';

/** One top-level section of the GDPR export (`GET /me/export`). */
export interface ExportSection {
  key: string;
  /** The section is parsed with it before it leaves, so a column it does not name (a hash, a secret) never does. */
  schema: z.ZodType;
  load(userId: string, tx: Executor): Promise<unknown>;
}

/** One part of erasing an account (`DELETE /me`); all steps run in order in one transaction. */
export interface ErasureStep {
  name: string;
  run(userId: string, tx: Executor, now: Date): Promise<void>;
}

/**
 * What each module stores about a person, and how to erase it. Modules that keep more push their
 * own entries at registration: orders add an export section and an erasure step that anonymises
 * the orders (kept for accounting) instead of deleting them; reviews and the wishlist likewise.
 */
export interface PersonalDataRegistry {
  exportSections: ExportSection[];
  erasureSteps: ErasureStep[];
}

declare module 'fastify' {
  interface FastifyInstance {
    personalData: PersonalDataRegistry;
  }
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

async function activeUser(userId: string, tx: Executor) {
  const user = await personalDataQueries(tx).user(userId);
  if (!user || user.deletedAt) throw unauthorized();
  return user;
}

const accountExportSections: ExportSection[] = [
  {
    key: 'profile',
    schema: exportedProfileSchema,
    async load(userId, tx) {
      const user = await activeUser(userId, tx);
      return {
        ...toProfile(user),
        createdAt: user.createdAt.toISOString(),
        emailVerifiedAt: iso(user.emailVerifiedAt),
        mfaEnabledAt: iso(user.mfaEnabledAt),
      };
    },
  },
  {
    key: 'privacy',
    schema: exportedPrivacySchema,
    async load(userId, tx) {
      const user = await activeUser(userId, tx);
      return { policyVersion: user.privacyPolicyVersion, acceptedAt: iso(user.privacyAcceptedAt) };
    },
  },
  {
    key: 'addresses',
    schema: z.array(addressSchema),
    load: async (userId, tx) => (await personalDataQueries(tx).addresses(userId)).map(toAddress),
  },
  {
    key: 'sessions',
    schema: z.array(exportedSessionSchema),
    load: async (userId, tx) =>
      (await personalDataQueries(tx).sessions(userId)).map((session) => ({
        ...session,
        createdAt: session.createdAt.toISOString(),
        lastUsedAt: session.lastUsedAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        revokedAt: iso(session.revokedAt),
      })),
  },
  {
    key: 'auditLog',
    schema: z.array(exportedAuditEntrySchema),
    load: async (userId, tx) =>
      (await personalDataQueries(tx).auditEntries(userId)).map((entry) => ({
        ...entry,
        at: entry.at.toISOString(),
      })),
  },
];

const accountErasureSteps: ErasureStep[] = [
  // First: it locks the user row, the same first lock every address write takes, so no deadlock.
  {
    name: 'profile',
    async run(userId, tx, now) {
      if (!(await personalDataQueries(tx).eraseUser(userId, now))) throw unauthorized();
    },
  },
  { name: 'addresses', run: (userId, tx) => personalDataQueries(tx).deleteAddresses(userId) },
  { name: 'mfa-recovery-codes', run: (userId, tx) => personalDataQueries(tx).deleteRecoveryCodes(userId) },
  { name: 'email-tokens', run: (userId, tx) => personalDataQueries(tx).deleteEmailTokens(userId) },
  { name: 'session-devices', run: (userId, tx) => personalDataQueries(tx).forgetSessionDevices(userId) },
];

/** Registered before any feature module, so each can add what it stores. */
export const personalDataPlugin = fp(
  async (app) => {
    app.decorate('personalData', {
      exportSections: [...accountExportSections],
      erasureSteps: [...accountErasureSteps],
    } satisfies PersonalDataRegistry);
  },
  { name: 'personal-data' },
);
