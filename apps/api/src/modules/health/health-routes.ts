import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const statusSchema = z.object({ status: z.enum(['ok', 'unavailable']) });

/** Liveness says the process runs; readiness says it can serve (the database answers). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const schema = (summary: string) => ({
    tags: ['health'],
    summary,
    response: { 200: statusSchema, 503: statusSchema },
  });
  app.get('/live', { schema: schema('Process is running'), config: { rateLimit: false } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/ready',
    { schema: schema('Database answers'), config: { rateLimit: false } },
    async (_request, reply) => {
      try {
        await app.dbHandle.ping();
        return { status: 'ok' as const };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const });
      }
    },
  );
};
