import type { AdminUserListQuery } from '@securecart/contract';
import { type Database, type Executor, schema } from '@securecart/db';
import { and, asc, count, desc, eq, ilike, isNull, or } from 'drizzle-orm';

const { users } = schema;

// Never the password hash, MFA secret or anything token-like: only what an admin may see.
const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  emailVerifiedAt: users.emailVerifiedAt,
  mfaEnabledAt: users.mfaEnabledAt,
  lockedAt: users.lockedAt,
  deletedAt: users.deletedAt,
  createdAt: users.createdAt,
};
export type AdminUserRow = {
  id: string;
  email: string;
  name: string;
  role: 'customer' | 'seller' | 'admin';
  emailVerifiedAt: Date | null;
  mfaEnabledAt: Date | null;
  lockedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
};

/** `%` and `_` in a search are literal characters, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function adminUsersQueries(db: Database) {
  return {
    transaction: <T>(work: (tx: Executor) => Promise<T>) => db.transaction(work),

    async list(filter: Omit<AdminUserListQuery, 'page' | 'pageSize'>, limit: number, offset: number) {
      const where = and(
        filter.q
          ? or(ilike(users.email, likePattern(filter.q)), ilike(users.name, likePattern(filter.q)))
          : undefined,
        filter.role ? eq(users.role, filter.role) : undefined,
      );
      const [rows, [counted]] = await Promise.all([
        db
          .select(columns)
          .from(users)
          .where(where)
          .orderBy(desc(users.createdAt), desc(users.id))
          .limit(limit)
          .offset(offset),
        db.select({ total: count() }).from(users).where(where),
      ]);
      return { rows: rows as AdminUserRow[], total: counted?.total ?? 0 };
    },

    async find(id: string, tx: Executor = db, lock = false): Promise<AdminUserRow | undefined> {
      const query = tx.select(columns).from(users).where(eq(users.id, id)).limit(1);
      const [row] = lock ? await query.for('update') : await query;
      return row as AdminUserRow | undefined;
    },

    async passwordHashOf(id: string): Promise<string | null> {
      const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
      return row?.passwordHash ?? null;
    },

    /**
     * Locks every admin row that can still sign in, in id order, and returns their ids. Two
     * concurrent demotions or locks then run one after the other, so the second sees the first's
     * result and the last admin can never be removed by a race.
     */
    async lockActiveAdmins(tx: Executor): Promise<string[]> {
      const rows = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), isNull(users.lockedAt), isNull(users.deletedAt)))
        .orderBy(asc(users.id))
        .for('update');
      return rows.map((row) => row.id);
    },

    async update(
      id: string,
      changes: { role?: AdminUserRow['role']; lockedAt?: Date | null },
      now: Date,
      tx: Executor,
    ) {
      await tx
        .update(users)
        .set({ ...changes, updatedAt: now })
        .where(eq(users.id, id));
    },
  };
}
export type AdminUsersQueries = ReturnType<typeof adminUsersQueries>;
