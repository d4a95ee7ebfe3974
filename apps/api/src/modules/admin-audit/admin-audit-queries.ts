import type { AuditLogQuery } from '@securecart/contract';
import { type Database, schema } from '@securecart/db';
import { and, count, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import { normalizeEmail } from '../../lib/email.ts';

const { auditLog, users } = schema;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

export type AuditFilter = Omit<AuditLogQuery, 'page' | 'pageSize'>;

const startOfDay = (date: string) => new Date(`${date}T00:00:00.000Z`);

function whereOf(filter: AuditFilter) {
  let actor: SQL | undefined;
  if (filter.actor && UUID_PATTERN.test(filter.actor)) {
    actor = eq(auditLog.actorId, filter.actor);
  } else if (filter.actor) {
    // By email: entries of the account with that address, and anonymous ones that named it
    // (a failed login, a reset request).
    const email = normalizeEmail(filter.actor);
    actor = or(eq(users.email, email), eq(auditLog.actorEmail, email));
  }
  return and(
    actor,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from ? gte(auditLog.at, startOfDay(filter.from)) : undefined,
    // `to` is inclusive: everything before the start of the next day.
    filter.to ? lt(auditLog.at, new Date(startOfDay(filter.to).getTime() + ONE_DAY_MS)) : undefined,
  );
}

export function adminAuditQueries(db: Database) {
  return {
    async list(filter: AuditFilter, limit: number, offset: number) {
      const where = whereOf(filter);
      const [rows, [counted]] = await Promise.all([
        db
          .select({
            id: auditLog.id,
            at: auditLog.at,
            actorId: auditLog.actorId,
            actorEmail: sql<string | null>`coalesce(${auditLog.actorEmail}, ${users.email})`,
            action: auditLog.action,
            targetType: auditLog.targetType,
            targetId: auditLog.targetId,
            ip: auditLog.ip,
            requestId: auditLog.requestId,
            details: auditLog.details,
          })
          .from(auditLog)
          .leftJoin(users, eq(users.id, auditLog.actorId))
          .where(where)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(limit)
          .offset(offset),
        db
          .select({ total: count() })
          .from(auditLog)
          .leftJoin(users, eq(users.id, auditLog.actorId))
          .where(where),
      ]);
      return { rows, total: counted?.total ?? 0 };
    },
  };
}
export type AdminAuditQueries = ReturnType<typeof adminAuditQueries>;
