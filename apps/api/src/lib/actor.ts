import type { Executor } from '@securecart/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditFields } from '../modules/audit/audit.ts';

/** The signed-in user behind a request, and the way to record what they did; what services see of HTTP. */
export interface Actor {
  userId: string;
  sessionId: string;
  audit(action: string, fields?: AuditFields, tx?: Executor): Promise<void>;
}

/** Only for routes guarded by `app.authenticate`, which sets `request.user`. */
export const actorOf = (app: FastifyInstance, request: FastifyRequest): Actor => ({
  userId: request.user.id,
  sessionId: request.user.sid,
  audit: (action, fields, tx) => app.audit(request, action, fields, tx),
});
