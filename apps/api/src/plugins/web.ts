import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

const publicDir = fileURLToPath(new URL('../../public', import.meta.url));
const ONE_DAY_SECONDS = 24 * 60 * 60;

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers a client-side route with the SPA's index.html; false when no SPA build is present. */
    sendSpaIndex: (request: FastifyRequest, reply: FastifyReply) => boolean;
  }
}

/** Serves the built SPA (hashed assets cached forever, index.html always revalidated) and shipped images. */
export const webPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(fastifyStatic, {
      root: path.join(publicDir, 'images'),
      prefix: '/images/',
      decorateReply: false,
      wildcard: false,
      cacheControl: false,
      setHeaders: (res) => res.setHeader('cache-control', `public, max-age=${ONE_DAY_SECONDS}`),
    });

    const indexFile = path.join(config.webDistDir, 'index.html');
    const hasSpa = existsSync(indexFile);
    if (!hasSpa) app.log.warn({ dir: config.webDistDir }, 'no SPA build found: serving the API only');
    if (hasSpa) {
      await app.register(fastifyStatic, {
        root: config.webDistDir,
        prefix: '/',
        wildcard: false,
        index: false,
        // Our own headers below: immutable for hashed assets, revalidate for the rest.
        cacheControl: false,
        setHeaders: (res, filePath) => {
          const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
          res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    }

    app.decorate('sendSpaIndex', (request: FastifyRequest, reply: FastifyReply) => {
      const clientRoute =
        hasSpa &&
        (request.method === 'GET' || request.method === 'HEAD') &&
        !request.url.startsWith('/api/') &&
        !request.url.startsWith('/health/') &&
        !path.extname(request.url.split('?')[0] ?? '');
      if (!clientRoute) return false;
      void reply.header('cache-control', 'no-cache').sendFile('index.html', config.webDistDir);
      return true;
    });
  },
  { name: 'web' },
);
