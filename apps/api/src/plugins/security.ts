import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { parseJsonBody } from '../lib/json-body.ts';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Stripe.js and its card frames load from js.stripe.com and call api.stripe.com (Stripe shops only). */
export const STRIPE_JS_ORIGIN = 'https://js.stripe.com';
export const STRIPE_API_ORIGIN = 'https://api.stripe.com';

// helmet itself, built once: @fastify/helmet rebuilds it (CSP parsing included) on every request,
// a large share of a cheap request's CPU.

export const securityPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, parseJsonBody(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    });

    const stripe = config.payments.provider === 'stripe';
    const securityHeaders = helmet({
      // The built SPA has no inline scripts or styles, so 'self' is enough (plus Stripe.js where used).
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...(stripe ? [STRIPE_JS_ORIGIN] : [])],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'", ...(stripe ? [STRIPE_API_ORIGIN] : [])],
          frameSrc: stripe ? [STRIPE_JS_ORIGIN] : ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          objectSrc: ["'none'"],
        },
      },
      // HSTS only makes sense over HTTPS; set below per request.
      hsts: false,
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
    );

    app.addHook('onSend', async (request, reply) => {
      if (request.protocol === 'https') {
        reply.header('strict-transport-security', `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
      }
      // Secure by default: API answers are never stored unless a route opts into caching.
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store');
      }
    });

    await app.register(cors, {
      origin: (origin, callback) =>
        callback(null, origin !== undefined && config.corsOrigins.includes(origin)),
      credentials: true,
      exposedHeaders: ['x-request-id', 'retry-after', 'etag'],
    });

    const redis = config.redisUrl
      ? new Redis(config.redisUrl, {
          connectTimeout: 2_000,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
        })
      : undefined;
    if (redis) app.addHook('onClose', async () => void redis.quit());
    await app.register(rateLimit, {
      global: true,
      max: config.rateLimitMax,
      timeWindow: '1 minute',
      redis,
      nameSpace: 'securecart-rl:',
      // A Redis outage must not take the shop down; the limit is then skipped, not enforced wrongly.
      skipOnError: true,
    });
  },
  { name: 'security' },
);
