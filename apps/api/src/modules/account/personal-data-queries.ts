import { type Executor, schema } from '@securecart/db';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { addressListOrder } from './address-queries.ts';

const { users, sessions, auditLog, addresses, emailTokens, mfaRecoveryCodes } = schema;

/** The stand-in address of an erased account: unique, and `.invalid` can never receive mail (RFC 2606). */
export const erasedEmail = (userId: string) => `deleted+${userId}@erased.invalid`;
export const ERASED_NAME = 'Deleted user';

/** Reads and wipes for the GDPR export and erasure; every function runs on the caller's transaction. */
export function personalDataQueries(tx: Executor) {
  return {
    async user(userId: string) {
      const [row] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
      return row;
    },

    addresses(userId: string) {
      return tx
        .select()
        .from(addresses)
        .where(eq(addresses.userId, userId))
        .orderBy(...addressListOrder);
    },

    sessions(userId: string) {
      return tx
        .select({
          id: sessions.id,
          createdAt: sessions.createdAt,
          lastUsedAt: sessions.lastUsedAt,
          expiresAt: sessions.expiresAt,
          revokedAt: sessions.revokedAt,
          revokedReason: sessions.revokedReason,
          rememberMe: sessions.rememberMe,
          ip: sessions.ip,
          userAgent: sessions.userAgent,
        })
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(desc(sessions.createdAt));
    },

    auditEntries(actorId: string) {
      return tx
        .select({
          at: auditLog.at,
          action: auditLog.action,
          targetType: auditLog.targetType,
          targetId: auditLog.targetId,
          ip: auditLog.ip,
          userAgent: auditLog.userAgent,
          details: auditLog.details,
        })
        .from(auditLog)
        .where(eq(auditLog.actorId, actorId))
        .orderBy(desc(auditLog.at));
    },

    /** The row stays (orders and the audit log point at it) but says nothing about the person. */
    async eraseUser(userId: string, now: Date): Promise<boolean> {
      const erased = await tx
        .update(users)
        .set({
          email: erasedEmail(userId),
          name: ERASED_NAME,
          phone: null,
          dateOfBirth: null,
          passwordHash: null,
          emailVerifiedAt: null,
          preferences: sql`default`,
          privacyPolicyVersion: null,
          privacyAcceptedAt: null,
          mfaSecretEnc: null,
          mfaEnabledAt: null,
          mfaLastStep: null,
          deletedAt: now,
          updatedAt: now,
        })
        .where(and(eq(users.id, userId), isNull(users.deletedAt)))
        .returning({ id: users.id });
      return erased.length > 0;
    },

    /** Revoked sessions are kept for the security record, without the device and network they came from. */
    async forgetSessionDevices(userId: string) {
      await tx.update(sessions).set({ ip: null, userAgent: null }).where(eq(sessions.userId, userId));
    },

    async deleteAddresses(userId: string) {
      await tx.delete(addresses).where(eq(addresses.userId, userId));
    },

    async deleteRecoveryCodes(userId: string) {
      await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
    },

    async deleteEmailTokens(userId: string) {
      await tx.delete(emailTokens).where(eq(emailTokens.userId, userId));
    },
  };
}
