import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';

const DESCRIPTION = `SecureCart public REST API.

Conventions: JSON in and out; errors are RFC 9457 \`application/problem+json\`; money is integer minor
units with an ISO 4217 \`currency\`; collections answer \`{ items, page, pageSize, total }\` with
\`pageSize\` 1–100 (default 20) — anything outside the bounds is a 400, never clamped.
Unknown query parameters are ignored. Every response carries \`x-request-id\`.
Anonymous catalog responses carry a weak \`ETag\` and \`Cache-Control: public, no-cache\`: clients
revalidate with \`If-None-Match\` and get a cheap 304 while nothing changed.`;

/** OpenAPI 3.1 built from the same zod schemas the routes validate with. */
export const openapiPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'SecureCart API', version: '1.0.0', description: DESCRIPTION },
        servers: [{ url: config.publicUrl }],
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
