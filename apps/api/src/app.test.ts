import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '@securecart/db/testing';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { testConfig } from '../test/config.ts';
import { buildApp } from './app.ts';

const distDir = await mkdtemp(path.join(os.tmpdir(), 'sc-dist-'));
await mkdir(path.join(distDir, 'assets'));
await writeFile(
  path.join(distDir, 'index.html'),
  '<!doctype html><title>SecureCart</title><div id="root"></div>',
);
await writeFile(path.join(distDir, 'assets', 'index-abc123.js'), 'console.info("hi")');

const database = await createTestDatabase(inject('testDatabase'));
const app = await buildApp(testConfig({ webDistDir: distDir, rateLimitMax: 30 }), {
  logger: false,
  database: database.handle,
});
// A fixture route to exercise body parsing; the real write routes live in their modules.
app.post('/api/v1/echo', { config: { rateLimit: false } }, async (request) => ({ received: request.body }));
await app.ready();

afterAll(async () => {
  await app.close();
  await database.drop();
  await rm(distDir, { recursive: true, force: true });
});

describe('errors', () => {
  it('answers unknown API routes with a 404 problem+json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('echoes a safe x-request-id and replaces an unsafe one', async () => {
    const kept = await app.inject({ url: '/health/live', headers: { 'x-request-id': 'abc-123-def' } });
    expect(kept.headers['x-request-id']).toBe('abc-123-def');
    const replaced = await app.inject({ url: '/health/live', headers: { 'x-request-id': 'bad id\r\nx: y' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('request bodies', () => {
  const post = (payload: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('accepts ordinary JSON', async () => {
    expect((await post('{"a":[1,{"b":2}]}')).json()).toEqual({ received: { a: [1, { b: 2 }] } });
  });

  it('refuses __proto__ and constructor keys with 400', async () => {
    for (const body of ['{"__proto__":{"admin":true}}', '{"a":{"constructor":{"prototype":{"x":1}}}}']) {
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses JSON nested deeper than 32 levels with 400, but allows 32', async () => {
    expect((await post(`${'['.repeat(32)}${']'.repeat(32)}`)).statusCode).toBe(200);
    const res = await post(`${'['.repeat(33)}${']'.repeat(33)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/nested/);
  });

  it('ignores brackets inside strings when measuring depth', async () => {
    expect((await post(JSON.stringify({ s: '['.repeat(100) }))).statusCode).toBe(200);
  });

  it('refuses malformed JSON with a 400 problem, not a 500', async () => {
    const res = await post('{"a":');
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).not.toMatch(/at position|Unexpected/);
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const res = await post(JSON.stringify({ s: 'x'.repeat(1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('security headers', () => {
  it('sets nosniff, no-referrer, a CSP with frame-ancestors none, and no X-Powered-By', async () => {
    const res = await app.inject({ url: '/some/client/route', headers: { accept: 'text/html' } });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('marks API answers no-store unless a route opts into caching', async () => {
    const res = await app.inject({ url: '/api/v1/nope' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sends HSTS when the request arrived over HTTPS behind a trusted proxy', async () => {
    const database2 = await createTestDatabase(inject('testDatabase'));
    const proxied = await buildApp(testConfig({ trustProxy: true }), {
      logger: false,
      database: database2.handle,
    });
    const res = await proxied.inject({ url: '/health/live', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    await proxied.close();
    await database2.drop();
  });
});

describe('CORS', () => {
  it('allows only configured origins, never *', async () => {
    const allowed = await app.inject({ url: '/api/v1/products', headers: { origin: 'http://shop.test' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://shop.test');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const foreign = await app.inject({
      url: '/api/v1/products',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limiting', () => {
  it('answers 429 problem+json with Retry-After past the global limit, per client IP', async () => {
    const hit = (ip: string, xff?: string) =>
      app.inject({
        url: '/api/v1/categories',
        remoteAddress: ip,
        headers: xff ? { 'x-forwarded-for': xff } : {},
      });
    let last = await hit('10.9.9.9');
    for (let i = 1; i < 31; i++) last = await hit('10.9.9.9', `192.0.2.${i}`);
    // X-Forwarded-For is not trusted by default, so rotating it does not reset the budget.
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    expect(last.headers['content-type']).toContain('application/problem+json');
    expect((await hit('10.9.9.10')).statusCode).toBe(200);
  });
});

describe('health', () => {
  it('reports live and ready', async () => {
    expect((await app.inject({ url: '/health/live' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/health/ready' })).json()).toEqual({ status: 'ok' });
  });
});

describe('OpenAPI', () => {
  it('documents the catalog routes with their schemas', async () => {
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\.1/);
    const list = doc.paths['/api/v1/products'].get;
    expect(list.operationId).toBe('listProducts');
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'q',
        'category',
        'minPriceCents',
        'maxPriceCents',
        'inStock',
        'sort',
        'page',
        'pageSize',
      ]),
    );
    expect(doc.paths['/api/v1/products/{idOrSlug}'].get.responses['404']).toBeDefined();
    expect(doc.paths['/api/v1/categories'].get.responses['200']).toBeDefined();
  });

  it('serves the interactive docs', async () => {
    const res = await app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('SPA serving', () => {
  it('falls back to index.html for client routes, revalidated on every load', async () => {
    const res = await app.inject({ url: '/products/some-lamp?ref=x' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets forever', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never answers /api/* or missing files with the SPA', async () => {
    expect((await app.inject({ url: '/api/v1/unknown' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/assets/missing-999.js' })).statusCode).toBe(404);
  });

  it('serves shipped product images', async () => {
    const res = await app.inject({ url: '/images/products/placeholder.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
  });
});
