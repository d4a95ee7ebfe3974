import type { Preferences } from '@securecart/contract';
import { type Database, type Executor, schema } from '@securecart/db';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';

const { users, emailTokens } = schema;

export type UserRow = typeof users.$inferSelect;

export interface ProfileChanges {
  name?: string;
  phone?: string | null;
  dateOfBirth?: string | null;
  preferences?: Partial<Preferences>;
}

export function accountQueries(db: Database) {
  return {
    transaction: <T>(work: (tx: Executor) => Promise<T>) => db.transaction(work),

    /** The account behind a session; an erased account counts as gone. */
    async findActiveUser(id: string): Promise<UserRow | undefined> {
      const [row] = await db
        .select()
        .from(users)
        .where(and(eq(users.id, id), isNull(users.deletedAt)))
        .limit(1);
      return row;
    },

    async isEmailTaken(email: string, exceptUserId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, email), ne(users.id, exceptUserId)))
        .limit(1);
      return row !== undefined;
    },

    /** Preferences merge key by key inside the database, so two concurrent PATCHes never undo each other. */
    async updateProfile(id: string, changes: ProfileChanges, now: Date): Promise<UserRow | undefined> {
      const { preferences, ...columns } = changes;
      const [row] = await db
        .update(users)
        .set({
          ...columns,
          ...(preferences && {
            preferences: sql`${users.preferences} || ${JSON.stringify(preferences)}::jsonb`,
          }),
          updatedAt: now,
        })
        .where(and(eq(users.id, id), isNull(users.deletedAt)))
        .returning();
      return row;
    },

    async setPasswordHash(id: string, passwordHash: string, now: Date, tx: Executor = db) {
      await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, id));
    },

    /** A new password makes pending reset links pointless; an attacker holding one loses it. */
    async deleteUnusedTokens(
      userId: string,
      purpose: (typeof emailTokens.$inferSelect)['purpose'],
      tx: Executor = db,
    ) {
      await tx
        .delete(emailTokens)
        .where(
          and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)),
        );
    },

    async insertEmailToken(token: typeof emailTokens.$inferInsert, tx: Executor = db) {
      await tx.insert(emailTokens).values(token);
    },
  };
}
export type AccountQueries = ReturnType<typeof accountQueries>;
