import type { Executor } from '@securecart/db';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { auditQueries } from './audit-queries.ts';

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

declare module 'fastify' {
  interface FastifyInstance {
    audit: Audit;
  }
}

export const auditPlugin = fp(
  async (app) => {
    const queries = auditQueries(app.db);
    const audit: Audit = async (request, action, fields = {}, tx) => {
      const userAgent = request.headers['user-agent']?.slice(0, MAX_USER_AGENT_LENGTH);
      await queries.insert(
        {
          at: app.clock(),
          action,
          actorId: fields.actorId === undefined ? (request.user?.id ?? null) : fields.actorId,
          actorEmail: fields.actorEmail ?? null,
          targetType: fields.targetType,
          targetId: fields.targetId,
          ip: request.ip,
          userAgent,
          requestId: request.id,
          details: fields.details ?? {},
        },
        tx,
      );
    };
    app.decorate('audit', audit);
  },
  { name: 'audit', dependencies: ['db', 'clock'] },
);
