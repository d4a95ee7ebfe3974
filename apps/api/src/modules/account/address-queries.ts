import type { AddressInput } from '@securecart/contract';
import { type Database, type Executor, schema } from '@securecart/db';
import { and, count, desc, eq, ne } from 'drizzle-orm';

const { addresses, users } = schema;

export type AddressRow = typeof addresses.$inferSelect;
export type AddressFields = Omit<AddressInput, 'isDefault'>;

const ownedBy = (userId: string, id: string) => and(eq(addresses.id, id), eq(addresses.userId, userId));
// Default first, then the newest: the order checkout offers them in.
export const addressListOrder = [desc(addresses.isDefault), desc(addresses.createdAt), desc(addresses.id)];

export function addressQueries(db: Database) {
  return {
    transaction: <T>(work: (tx: Executor) => Promise<T>) => db.transaction(work),

    /** Serialises one user's address writes, so two concurrent "first address" requests cannot both become default. */
    async lockOwner(userId: string, tx: Executor) {
      await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    },

    async list(userId: string, limit: number, offset: number) {
      const [rows, [counted]] = await Promise.all([
        db
          .select()
          .from(addresses)
          .where(eq(addresses.userId, userId))
          .orderBy(...addressListOrder)
          .limit(limit)
          .offset(offset),
        db.select({ total: count() }).from(addresses).where(eq(addresses.userId, userId)),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },

    async countFor(userId: string, tx: Executor) {
      const [counted] = await tx
        .select({ total: count() })
        .from(addresses)
        .where(eq(addresses.userId, userId));
      return counted?.total ?? 0;
    },

    async find(userId: string, id: string, tx: Executor = db): Promise<AddressRow | undefined> {
      const [row] = await tx.select().from(addresses).where(ownedBy(userId, id)).limit(1);
      return row;
    },

    /** Must run before another address is made default: the partial unique index allows one. */
    async clearDefault(userId: string, tx: Executor, exceptId?: string) {
      await tx
        .update(addresses)
        .set({ isDefault: false })
        .where(
          and(
            eq(addresses.userId, userId),
            eq(addresses.isDefault, true),
            exceptId ? ne(addresses.id, exceptId) : undefined,
          ),
        );
    },

    async insert(userId: string, fields: AddressFields, isDefault: boolean, tx: Executor) {
      const [row] = await tx
        .insert(addresses)
        .values({ ...fields, userId, isDefault })
        .returning();
      return row!;
    },

    async update(
      userId: string,
      id: string,
      fields: AddressFields,
      isDefault: boolean,
      now: Date,
      tx: Executor,
    ) {
      const [row] = await tx
        .update(addresses)
        .set({ ...fields, isDefault, updatedAt: now })
        .where(ownedBy(userId, id))
        .returning();
      return row!;
    },

    async delete(userId: string, id: string, tx: Executor): Promise<AddressRow | undefined> {
      const [row] = await tx.delete(addresses).where(ownedBy(userId, id)).returning();
      return row;
    },

    /** After the default is deleted, the newest remaining address takes its place. */
    async promoteNewest(userId: string, tx: Executor) {
      const [newest] = await tx
        .select({ id: addresses.id })
        .from(addresses)
        .where(eq(addresses.userId, userId))
        .orderBy(desc(addresses.createdAt), desc(addresses.id))
        .limit(1);
      if (newest) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, newest.id));
    },
  };
}
export type AddressQueries = ReturnType<typeof addressQueries>;
