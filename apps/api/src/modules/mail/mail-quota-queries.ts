import { type Executor, schema } from '@securecart/db';
import { sql } from 'drizzle-orm';

const { mailQuota } = schema;

export function mailQuotaQueries(db: Executor) {
  return {
    /**
     * Counts one more email for (address, kind) in a fixed window and returns the count including
     * it. One upsert, so concurrent requests cannot both slip under the limit.
     */
    async reserve(emailKey: string, kind: string, now: Date, windowMs: number): Promise<number> {
      const windowStart = new Date(now.getTime() - windowMs);
      const expired = sql`${mailQuota.windowStartedAt} <= ${windowStart}`;
      const [row] = await db
        .insert(mailQuota)
        .values({ emailKey, kind, windowStartedAt: now, sent: 1 })
        .onConflictDoUpdate({
          target: [mailQuota.emailKey, mailQuota.kind],
          set: {
            sent: sql`case when ${expired} then 1 else ${mailQuota.sent} + 1 end`,
            windowStartedAt: sql`case when ${expired} then ${now} else ${mailQuota.windowStartedAt} end`,
          },
        })
        .returning({ sent: mailQuota.sent });
      return row!.sent;
    },
  };
}
