import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;
const SOME_ID = '00000000-0000-4000-8000-000000000000';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Every back-office operation the API documents: a new route is covered without editing this file. */
async function backOfficeRoutes() {
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  const routes: { method: Method; url: string; area: 'admin' | 'seller' }[] = [];
  for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    const match = /^(?:\/api\/v1)?\/(admin|seller)\//.exec(path);
    if (!match) continue;
    for (const method of Object.keys(operations)) {
      routes.push({
        method: method.toUpperCase() as Method,
        url: `/api/v1${path.replace(/^\/api\/v1/, '').replace(/\{[^}]+\}/g, SOME_ID)}`,
        area: match[1] as 'admin' | 'seller',
      });
    }
  }
  return routes;
}

let customer: SignedIn;
let seller: SignedIn;
let routes: Awaited<ReturnType<typeof backOfficeRoutes>>;

beforeAll(async () => {
  const c = await createUser(db);
  const s = await createUser(db, { role: 'seller' });
  customer = await signIn(ctx.app, c.user.email, c.password);
  seller = await signIn(ctx.app, s.user.email, s.password);
  routes = await backOfficeRoutes();
});

const request = (route: { method: Method; url: string }, headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: route.method,
    url: route.url,
    headers,
    payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
  });

describe('back-office access', () => {
  it('documents every admin and seller route', () => {
    const names = routes.map((r) => `${r.method} ${r.url.replaceAll(SOME_ID, ':id')}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/v1/admin/products',
        'POST /api/v1/admin/products',
        'GET /api/v1/admin/products/:id',
        'PATCH /api/v1/admin/products/:id',
        'DELETE /api/v1/admin/products/:id',
        'POST /api/v1/admin/products/:id/stock',
        'POST /api/v1/admin/products/:id/image',
        'GET /api/v1/seller/products',
        'POST /api/v1/seller/products',
        'GET /api/v1/seller/products/:id',
        'PATCH /api/v1/seller/products/:id',
        'DELETE /api/v1/seller/products/:id',
        'POST /api/v1/seller/products/:id/stock',
        'POST /api/v1/seller/products/:id/image',
        'GET /api/v1/admin/users',
        'GET /api/v1/admin/users/:id',
        'PATCH /api/v1/admin/users/:id',
        'POST /api/v1/admin/users/:id/password-reset',
        'DELETE /api/v1/admin/users/:id/sessions',
        'GET /api/v1/admin/audit-log',
        'GET /api/v1/admin/orders',
        'GET /api/v1/admin/orders/:id',
        'POST /api/v1/admin/orders/:id/ship',
        'POST /api/v1/admin/orders/:id/complete',
        'POST /api/v1/admin/orders/:id/refund',
        'GET /api/v1/admin/reports/sales',
        'GET /api/v1/admin/reports/inventory',
        'GET /api/v1/admin/reports/users',
        'GET /api/v1/admin/reports/abandonment',
        'GET /api/v1/seller/orders',
        'POST /api/v1/seller/orders/:id/lines/:id/ship',
        'GET /api/v1/seller/reports/sales',
      ]),
    );
  });

  it('answers 401 to a signed-out client on every route', async () => {
    for (const route of routes) {
      const res = await request(route);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 401 to a forged token on every route', async () => {
    for (const route of routes) {
      const res = await request(route, {
        authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.',
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('answers 403 to a customer on every route', async () => {
    for (const route of routes) {
      const res = await request(route, customer.auth);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('answers 403 to a seller on every admin route', async () => {
    for (const route of routes.filter((r) => r.area === 'admin')) {
      const res = await request(route, seller.auth);
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });
});
