import { type Database, type Executor, schema } from '@securecart/db';
import { and, eq, isNull } from 'drizzle-orm';

const { users, mfaRecoveryCodes } = schema;

const returnedAny = (rows: unknown[]) => rows.length > 0;

export function mfaQueries(db: Database) {
  return {
    transaction: <T>(work: (tx: Executor) => Promise<T>) => db.transaction(work),

    /** A new pending secret replaces an unconfirmed one, but never the secret of enabled 2FA. */
    async storePendingSecret(userId: string, secretEnc: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ mfaSecretEnc: secretEnc, mfaLastStep: null, updatedAt: now })
        .where(and(eq(users.id, userId), isNull(users.mfaEnabledAt), isNull(users.deletedAt)))
        .returning({ id: users.id });
      return returnedAny(rows);
    },

    /**
     * Enables exactly the secret the code was checked against: if another setup replaced it
     * meanwhile, nothing is enabled. `step` is the code's time step, so it cannot be replayed at login.
     */
    async enable(userId: string, secretEnc: string, step: number, now: Date, tx: Executor): Promise<boolean> {
      const rows = await tx
        .update(users)
        .set({ mfaEnabledAt: now, mfaLastStep: step, updatedAt: now })
        .where(and(eq(users.id, userId), isNull(users.mfaEnabledAt), eq(users.mfaSecretEnc, secretEnc)))
        .returning({ id: users.id });
      return returnedAny(rows);
    },

    async replaceRecoveryCodes(userId: string, codeHashes: string[], tx: Executor) {
      await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
      await tx.insert(mfaRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
    },

    /** Marks an unused code used; false when there is no such unused code. One statement, so a code works once. */
    async useRecoveryCode(userId: string, codeHash: string, now: Date, tx: Executor): Promise<boolean> {
      const rows = await tx
        .update(mfaRecoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(mfaRecoveryCodes.userId, userId),
            eq(mfaRecoveryCodes.codeHash, codeHash),
            isNull(mfaRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: mfaRecoveryCodes.id });
      return returnedAny(rows);
    },

    async disable(userId: string, now: Date, tx: Executor) {
      await tx
        .update(users)
        .set({ mfaSecretEnc: null, mfaEnabledAt: null, mfaLastStep: null, updatedAt: now })
        .where(eq(users.id, userId));
      await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
    },
  };
}
export type MfaQueries = ReturnType<typeof mfaQueries>;
