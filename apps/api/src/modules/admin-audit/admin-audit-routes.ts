import { auditEntryPageSchema, auditLogQuerySchema, problemSchema } from '@securecart/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminAuditQueries } from './admin-audit-queries.ts';

export const adminAuditRoutes: FastifyPluginAsyncZod = async (app) => {
  const queries = adminAuditQueries(app.db);

  app.get(
    '/admin/audit-log',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['admin'],
        security: [{ bearerAuth: [] }],
        operationId: 'adminListAuditLog',
        summary: 'The audit log, newest first',
        description:
          '`actor` is a user id or an email address; `from`/`to` are UTC dates, both inclusive; `action` is exact.',
        querystring: auditLogQuerySchema,
        response: { 200: auditEntryPageSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { rows, total } = await queries.list(filter, pageSize, (page - 1) * pageSize);
      const items = rows.map((row) => ({ ...row, at: row.at.toISOString() }));
      return { items, page, pageSize, total };
    },
  );
};
