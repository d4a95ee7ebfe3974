import { schema } from '@securecart/db';
import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, who?: SignedIn, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: who?.auth ?? {}, payload });

let admin: SignedIn;
let adminId: string;
let sellerId: string;
let customerId: string;
let homeId: string;

beforeAll(async () => {
  homeId = (await createCategory(db, { slug: 'home', name: 'Home' })).id;
  await createCategory(db, { slug: 'garden', name: 'Garden' });
  const a = await createUser(db, { role: 'admin' });
  adminId = a.user.id;
  admin = await signIn(ctx.app, a.user.email, a.password);
  sellerId = (await createUser(db, { role: 'seller' })).user.id;
  customerId = (await createUser(db)).user.id;
});

const publicSlugs = async (query = '') =>
  (await call('GET', `/products?pageSize=100${query}`)).json().items.map((p: { slug: string }) => p.slug);

const auditOf = async (action: string, targetId: string) =>
  db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.targetId, targetId))
    .orderBy(desc(schema.auditLog.at))
    .then((rows) => rows.filter((r) => r.action === action));

describe('admin products', () => {
  it('creates with 201, a unique slug from the name, audits it and shows it in the shop at once', async () => {
    // Warm the public cache first: the create must invalidate it.
    const etagBefore = (await call('GET', '/products?pageSize=100')).headers.etag;
    expect(await publicSlugs()).not.toContain('desk-lamp');

    const res = await call('POST', '/admin/products', admin, {
      name: 'Desk Lamp',
      description: 'Bright.',
      priceCents: 4500,
      stock: 3,
      category: 'home',
    });
    expect(res.statusCode).toBe(201);
    const lamp = res.json();
    expect(lamp).toMatchObject({
      name: 'Desk Lamp',
      slug: 'desk-lamp',
      priceCents: 4500,
      currency: 'USD',
      stock: 3,
      category: 'home',
      active: true,
      sellerId: null,
    });
    const after = await call('GET', '/products?pageSize=100', undefined);
    expect(after.headers.etag).not.toBe(etagBefore);
    expect(await publicSlugs()).toContain('desk-lamp');

    const again = await call('POST', '/admin/products', admin, {
      name: 'Desk  lamp!',
      description: '',
      priceCents: 100,
      stock: 0,
      category: 'home',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().slug).toMatch(/^desk-lamp-[0-9a-f]{6}$/);

    const [entry] = await auditOf('product.created', lamp.id);
    expect(entry).toMatchObject({ actorId: adminId, targetType: 'product' });
    expect(entry!.details).toMatchObject({ after: { name: 'Desk Lamp', priceCents: 4500 } });
  });

  it('refuses invalid prices, stock, unknown categories and non-seller owners with 400', async () => {
    const base = { name: 'Thing', description: 'x', priceCents: 100, stock: 1, category: 'home' };
    for (const body of [
      { ...base, priceCents: -1 },
      { ...base, priceCents: 1.5 },
      { ...base, priceCents: 100_000_001 },
      { ...base, stock: -1 },
      { ...base, stock: 2.5 },
      { ...base, category: 'no-such-category' },
      { ...base, sellerId: customerId },
      { ...base, name: '' },
    ]) {
      const res = await call('POST', '/admin/products', admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const owned = await call('POST', '/admin/products', admin, { ...base, name: 'Owned', sellerId });
    expect(owned.statusCode).toBe(201);
    expect(owned.json().sellerId).toBe(sellerId);
  });

  it('edits with 200, audits before/after, and archive hides it from the shop but keeps it for admins', async () => {
    const p = await createProduct(db, {
      categoryId: homeId,
      slug: 'vase',
      name: 'Vase',
      priceCents: 1000,
      stock: 4,
    });
    const res = await call('PATCH', `/admin/products/${p.id}`, admin, {
      priceCents: 1200,
      category: 'garden',
      description: 'Tall.',
      stock: 9,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      priceCents: 1200,
      category: 'garden',
      description: 'Tall.',
      stock: 9,
    });
    const [updated] = await auditOf('product.updated', p.id);
    expect(updated!.details).toMatchObject({
      changes: { priceCents: { before: 1000, after: 1200 }, category: { before: 'home', after: 'garden' } },
    });
    const adjustments = await db
      .select()
      .from(schema.stockAdjustments)
      .where(eq(schema.stockAdjustments.productId, p.id));
    expect(adjustments.map((a) => a.delta)).toEqual([5]);

    expect(await publicSlugs()).toContain('vase');
    const archived = await call('DELETE', `/admin/products/${p.id}`, admin);
    expect(archived.statusCode).toBe(204);
    expect(await publicSlugs()).not.toContain('vase');
    expect((await call('GET', '/products/vase')).statusCode).toBe(404);
    expect((await auditOf('product.archived', p.id))[0]!.details).toMatchObject({
      changes: { active: { before: true, after: false } },
    });

    const kept = await call('GET', `/admin/products/${p.id}`, admin);
    expect(kept.statusCode).toBe(200);
    expect(kept.json().active).toBe(false);
    const archivedList = (await call('GET', '/admin/products?active=false&pageSize=100', admin)).json();
    expect(archivedList.items.map((i: { id: string }) => i.id)).toContain(p.id);

    const restored = await call('PATCH', `/admin/products/${p.id}`, admin, { active: true });
    expect(restored.json().active).toBe(true);
    expect(await publicSlugs()).toContain('vase');
  });

  it('adjusts stock with a reason, never below 0 (409), and records every adjustment', async () => {
    const p = await createProduct(db, { categoryId: homeId, stock: 2 });
    const up = await call('POST', `/admin/products/${p.id}/stock`, admin, { delta: 5, reason: 'delivery' });
    expect(up.statusCode).toBe(200);
    expect(up.json().stock).toBe(7);
    const down = await call('POST', `/admin/products/${p.id}/stock`, admin, { delta: -7, reason: 'damaged' });
    expect(down.json().stock).toBe(0);
    const below = await call('POST', `/admin/products/${p.id}/stock`, admin, { delta: -1, reason: 'oops' });
    expect(below.statusCode).toBe(409);
    expect(below.json().code).toBe('insufficient_stock');
    expect(
      (await call('POST', `/admin/products/${p.id}/stock`, admin, { delta: 0, reason: 'x' })).statusCode,
    ).toBe(400);
    expect((await call('POST', `/admin/products/${p.id}/stock`, admin, { delta: 1 })).statusCode).toBe(400);
    expect((await call('PATCH', `/admin/products/${p.id}`, admin, { stock: -1 })).statusCode).toBe(400);

    // Concurrent removals never take stock below zero.
    await call('POST', `/admin/products/${p.id}/stock`, admin, { delta: 3, reason: 'count' });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        call('POST', `/admin/products/${p.id}/stock`, admin, { delta: -1, reason: 'sold' }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(3);
    const [row] = await db.select().from(schema.products).where(eq(schema.products.id, p.id));
    expect(row!.stock).toBe(0);

    const rows = await db
      .select()
      .from(schema.stockAdjustments)
      .where(eq(schema.stockAdjustments.productId, p.id));
    expect(rows.map((r) => r.reason).sort()).toEqual([
      'count',
      'damaged',
      'delivery',
      'sold',
      'sold',
      'sold',
    ]);
    expect((await auditOf('product.stock_adjusted', p.id))[0]!.details).toMatchObject({
      delta: -1,
      reason: 'sold',
      stock: { before: 1, after: 0 },
    });
  });

  it('lists all products with filters and the page shape', async () => {
    const cat = await createCategory(db, { slug: 'lighting' });
    const low = await createProduct(db, { categoryId: cat.id, name: 'Amber Bulb', stock: 1, sellerId });
    const high = await createProduct(db, { categoryId: cat.id, name: 'Bright Bulb', stock: 50 });
    const gone = await createProduct(db, { categoryId: cat.id, name: 'Old Bulb', stock: 0, active: false });
    const ids = async (query: string) => {
      const res = await call('GET', `/admin/products?category=lighting&${query}`, admin);
      expect(res.statusCode).toBe(200);
      return res.json().items.map((i: { id: string }) => i.id);
    };
    const page = (await call('GET', '/admin/products?category=lighting&pageSize=2', admin)).json();
    expect(page).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect((await ids('sort=name_asc')).sort()).toEqual([low.id, high.id, gone.id].sort());
    expect(await ids('sort=name_asc')).toEqual([low.id, high.id, gone.id]);
    expect(await ids('active=true&sort=stock_asc')).toEqual([low.id, high.id]);
    expect(await ids('lowStock=true&sort=stock_asc')).toEqual([gone.id, low.id]);
    expect(await ids(`sellerId=${sellerId}`)).toEqual([low.id]);
    expect(await ids('q=bright')).toEqual([high.id]);
    expect((await call('GET', '/admin/products?pageSize=101', admin)).statusCode).toBe(400);
    expect(
      (await call('GET', '/admin/products/00000000-0000-4000-8000-000000000000', admin)).statusCode,
    ).toBe(404);
  });
});
