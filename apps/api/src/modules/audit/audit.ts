import type { Executor } from '@securecart/db';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type AuditEntry, auditQueries } from './audit-queries.ts';

const MAX_USER_AGENT_LENGTH = 512;

export interface AuditFields {
  /** Defaults to the signed-in user; null for anonymous events. */
  actorId?: string | null;
  /** The email the actor used or claimed (e.g. the attempted address of a failed login). */
  actorEmail?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Writes one audit_log row with who, from where and which request; `action` is dotted (`auth.login.failed`). */
export type Audit = (
  request: FastifyRequest,
  action: string,
  fields?: AuditFields,
  tx?: Executor,
) => Promise<void>;

/** The audit_log row `audit` would write, for a caller that inserts it within its own statement. */
export type AuditEntryOf = (request: FastifyRequest, action: string, fields?: AuditFields) => AuditEntry;

declare module 'fastify' {
  interface FastifyInstance {
    audit: Audit;
    auditEntry: AuditEntryOf;
  }
}

export const auditPlugin = fp(
  async (app) => {
    const queries = auditQueries(app.db);
    const auditEntry: AuditEntryOf = (request, action, fields = {}) => ({
      at: app.clock(),
      action,
      actorId: fields.actorId === undefined ? (request.user?.id ?? null) : fields.actorId,
      actorEmail: fields.actorEmail ?? null,
      targetType: fields.targetType,
      targetId: fields.targetId,
      ip: request.ip,
      userAgent: request.headers['user-agent']?.slice(0, MAX_USER_AGENT_LENGTH),
      requestId: request.id,
      details: fields.details ?? {},
    });
    const audit: Audit = async (request, action, fields = {}, tx) => {
      await queries.insert(auditEntry(request, action, fields), tx);
    };
    app.decorate('audit', audit);
    app.decorate('auditEntry', auditEntry);
  },
  { name: 'audit', dependencies: ['db', 'clock'] },
);
