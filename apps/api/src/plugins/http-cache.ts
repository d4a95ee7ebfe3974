import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Forgets every remembered ETag; call after any write that changes public catalog data. */
    invalidatePublicCache: () => void;
  }
  interface FastifyContextConfig {
    /** Marks a GET whose anonymous answer is the same for everyone (ETag + revalidation). */
    publicCache?: boolean;
  }
}

// A remembered ETag is trusted this long without the database: the bound on staleness
// when another instance changed the catalog (this instance's own writes invalidate at once).
const ETAG_TRUST_MS = 5_000;
const MAX_ENTRIES = 10_000;

const isAnonymous = (request: FastifyRequest) => request.headers.authorization === undefined;

/**
 * Conditional GETs for public, anonymous reads: a weak ETag over the body, `Cache-Control:
 * public, no-cache`, and a 304 straight from memory when the client's ETag is still current.
 */
export const httpCachePlugin = fp(
  async (app) => {
    const etags = new Map<string, { etag: string; expiresAt: number }>();

    app.decorate('invalidatePublicCache', () => etags.clear());

    const notModified = (reply: FastifyReply, etag: string) =>
      reply.code(304).header('etag', etag).header('cache-control', 'public, no-cache').send();

    const revalidate = async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'GET' || !isAnonymous(request)) return;
      const known = etags.get(request.url);
      if (!known || known.expiresAt < Date.now()) return;
      if (request.headers['if-none-match'] === known.etag) return notModified(reply, known.etag);
    };

    // A route-level hook, appended when the route is declared: it runs after the instance-level
    // hooks and after the rate limit's own route-level hook (@fastify/rate-limit also attaches in
    // onRoute, and the security plugin registers first), so a 304 from memory still counts against
    // the limit. As an instance-level hook it answered before the rate limit ever ran.
    app.addHook('onRoute', (route) => {
      if (!route.config?.publicCache) return;
      const existing = route.onRequest === undefined ? [] : [route.onRequest].flat();
      route.onRequest = [...existing, revalidate];
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (!request.routeOptions.config.publicCache || request.method !== 'GET') return payload;
      if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      if (!isAnonymous(request)) {
        reply.header('cache-control', 'private, no-store');
        return payload;
      }
      const etag = `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
      if (etags.size >= MAX_ENTRIES) etags.clear();
      etags.set(request.url, { etag, expiresAt: Date.now() + ETAG_TRUST_MS });
      reply.header('etag', etag).header('cache-control', 'public, no-cache');
      if (request.headers['if-none-match'] === etag) {
        reply.code(304);
        return '';
      }
      return payload;
    });
  },
  { name: 'http-cache' },
);
