import { type Database, type Executor, schema } from '@securecart/db';
import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';

const { users, emailTokens, loginThrottle, addresses } = schema;

type EmailTokenPurpose = (typeof schema.emailTokenPurpose.enumValues)[number];

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  passwordHash: users.passwordHash,
  emailVerifiedAt: users.emailVerifiedAt,
  privacyPolicyVersion: users.privacyPolicyVersion,
  lockedAt: users.lockedAt,
  deletedAt: users.deletedAt,
  mfaEnabledAt: users.mfaEnabledAt,
  mfaSecretEnc: users.mfaSecretEnc,
};
export type AuthUserRow = {
  id: string;
  email: string;
  name: string;
  role: 'customer' | 'seller' | 'admin';
  passwordHash: string | null;
  emailVerifiedAt: Date | null;
  privacyPolicyVersion: string | null;
  lockedAt: Date | null;
  deletedAt: Date | null;
  mfaEnabledAt: Date | null;
  mfaSecretEnc: string | null;
};

export type NewUser = typeof users.$inferInsert;
export type NewAddress = Omit<typeof addresses.$inferInsert, 'userId'>;

export function authQueries(db: Database) {
  return {
    transaction: <T>(work: (tx: Executor) => Promise<T>) => db.transaction(work),

    async findUserByEmail(email: string): Promise<AuthUserRow | undefined> {
      const [row] = await db.select(userColumns).from(users).where(eq(users.email, email));
      return row;
    },

    async findUserById(id: string): Promise<AuthUserRow | undefined> {
      const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
      return row;
    },

    /** undefined when the email is taken (a concurrent registration won). */
    async insertUser(user: NewUser, tx: Executor): Promise<string | undefined> {
      const [row] = await tx
        .insert(users)
        .values(user)
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      return row?.id;
    },

    async insertAddress(userId: string, address: NewAddress, tx: Executor) {
      await tx.insert(addresses).values({ ...address, userId });
    },

    async insertEmailToken(
      token: { userId: string; purpose: EmailTokenPurpose; tokenHash: string; expiresAt: Date; now: Date },
      tx: Executor = db,
    ) {
      const { now, ...values } = token;
      await tx.insert(emailTokens).values({ ...values, createdAt: now });
    },

    /** Spends a live token in one statement, so a link works exactly once even when clicked twice at once. */
    async consumeEmailToken(tokenHash: string, purposes: EmailTokenPurpose[], now: Date, tx: Executor = db) {
      const [row] = await tx
        .update(emailTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(emailTokens.tokenHash, tokenHash),
            inArray(emailTokens.purpose, purposes),
            isNull(emailTokens.usedAt),
            gt(emailTokens.expiresAt, now),
          ),
        )
        .returning({
          userId: emailTokens.userId,
          purpose: emailTokens.purpose,
          newEmail: emailTokens.newEmail,
        });
      return row;
    },

    /** The user a live token belongs to, without spending it (to check a new password against them first). */
    async findLiveEmailToken(tokenHash: string, purpose: EmailTokenPurpose, now: Date) {
      const [row] = await db
        .select({ userId: emailTokens.userId })
        .from(emailTokens)
        .where(
          and(
            eq(emailTokens.tokenHash, tokenHash),
            eq(emailTokens.purpose, purpose),
            isNull(emailTokens.usedAt),
            gt(emailTokens.expiresAt, now),
          ),
        );
      return row;
    },

    /** A new link replaces older ones: only the newest of a kind works. */
    async spendOpenTokens(userId: string, purpose: EmailTokenPurpose, now: Date, tx: Executor = db) {
      await tx
        .update(emailTokens)
        .set({ usedAt: now })
        .where(
          and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)),
        );
    },

    async markEmailVerified(userId: string, now: Date, tx: Executor = db) {
      await tx
        .update(users)
        .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})`, updatedAt: now })
        .where(eq(users.id, userId));
    },

    /** false when the address was taken meanwhile. */
    async changeEmail(userId: string, email: string, now: Date, tx: Executor): Promise<boolean> {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (taken) return false;
      await tx.update(users).set({ email, emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, userId));
      return true;
    },

    async setPassword(userId: string, passwordHash: string, now: Date, tx: Executor) {
      await tx
        .update(users)
        .set({
          passwordHash,
          // The reset link reached this inbox, which proves the address as well as a verification link.
          emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})`,
          updatedAt: now,
        })
        .where(eq(users.id, userId));
    },

    async acceptPrivacy(userId: string, version: string, now: Date) {
      await db
        .update(users)
        .set({ privacyPolicyVersion: version, privacyAcceptedAt: now, updatedAt: now })
        .where(eq(users.id, userId));
    },

    /**
     * Reserves one login attempt for an email before the password is checked, in one upsert: of a
     * parallel burst, only the first five see a count of 5 or less. While a lock runs the count
     * stays put; once the lock or the window is over, counting starts again from 1.
     */
    async reserveLoginAttempt(emailKey: string, now: Date, windowMs: number) {
      const windowStart = new Date(now.getTime() - windowMs);
      const lockRunning = sql`${loginThrottle.lockedUntil} > ${now}`;
      const startOver = sql`(${loginThrottle.lockedUntil} is not null or ${loginThrottle.windowStartedAt} <= ${windowStart})`;
      const [row] = await db
        .insert(loginThrottle)
        .values({ emailKey, failures: 1, windowStartedAt: now })
        .onConflictDoUpdate({
          target: loginThrottle.emailKey,
          set: {
            failures: sql`case when ${lockRunning} then ${loginThrottle.failures} when ${startOver} then 1 else ${loginThrottle.failures} + 1 end`,
            windowStartedAt: sql`case when ${lockRunning} then ${loginThrottle.windowStartedAt} when ${startOver} then ${now} else ${loginThrottle.windowStartedAt} end`,
            lockedUntil: sql`case when ${lockRunning} then ${loginThrottle.lockedUntil} else null end`,
          },
        })
        .returning({ failures: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil });
      return row!;
    },

    /** Starts the lock; true only for the attempt that started it (so the owner is told once). */
    async lockLogin(emailKey: string, until: Date, now: Date): Promise<boolean> {
      const rows = await db
        .update(loginThrottle)
        .set({ lockedUntil: until })
        .where(
          and(
            eq(loginThrottle.emailKey, emailKey),
            or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now)),
          ),
        )
        .returning({ emailKey: loginThrottle.emailKey });
      return rows.length > 0;
    },

    /** After a correct password: earlier failures no longer count (a running lock stays). */
    async forgetLoginFailures(emailKey: string, now: Date) {
      await db
        .delete(loginThrottle)
        .where(
          and(
            eq(loginThrottle.emailKey, emailKey),
            or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now)),
          ),
        );
    },

    /** A completed password reset lifts the lock too, so an attacker cannot keep the owner out. */
    async liftLoginLock(emailKey: string, tx: Executor) {
      await tx.delete(loginThrottle).where(eq(loginThrottle.emailKey, emailKey));
    },

    /** Compare-and-set on the last accepted TOTP step: false when this step (or a later one) was used. */
    async acceptTotpStep(userId: string, step: number, now: Date): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ mfaLastStep: step, updatedAt: now })
        .where(and(eq(users.id, userId), or(isNull(users.mfaLastStep), lt(users.mfaLastStep, step))))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    /** Ensures the configured admin exists (verified); never overwrites a password already set. */
    async ensureAdmin(admin: NewUser): Promise<'created' | 'updated'> {
      const [row] = await db
        .insert(users)
        .values(admin)
        .onConflictDoUpdate({
          target: users.email,
          set: {
            role: 'admin',
            emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, excluded.email_verified_at)`,
          },
        })
        .returning({ created: sql<boolean>`xmax = 0` });
      return row?.created ? 'created' : 'updated';
    },
  };
}
export type AuthQueries = ReturnType<typeof authQueries>;
