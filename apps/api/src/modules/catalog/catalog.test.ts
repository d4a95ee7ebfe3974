import { schema } from '@securecart/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createCategory, createProduct } from '../../../test/factories.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;
const get = (url: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'GET', url, headers });

let lampId: string;

beforeAll(async () => {
  const lighting = await createCategory(db, { slug: 'lighting', name: 'Lighting' });
  const kitchen = await createCategory(db, { slug: 'kitchen', name: 'Kitchen' });
  await createCategory(db, { slug: 'empty', name: 'Empty shelf' });
  const base = Date.UTC(2026, 0, 1);
  const lamp = await createProduct(db, {
    categoryId: lighting.id,
    slug: 'brass-desk-lamp',
    name: 'Brass Desk Lamp',
    description: 'A warm reading lamp with a weighted base.',
    priceCents: 8900,
    stock: 3,
    createdAt: new Date(base + 1000),
    reviewCount: 2,
    ratingTotal: 9,
  });
  lampId = lamp.id;
  await createProduct(db, {
    categoryId: lighting.id,
    slug: 'paper-floor-lamps-set',
    name: 'Paper Floor Lamps (set of two)',
    description: 'Soft diffused light for living rooms.',
    priceCents: 12000,
    stock: 0,
    createdAt: new Date(base + 2000),
  });
  await createProduct(db, {
    categoryId: kitchen.id,
    slug: 'cast-iron-skillet',
    name: 'Cast Iron Skillet',
    description: 'Pre-seasoned skillet for searing; not a lamp.',
    priceCents: 3500,
    stock: 40,
    createdAt: new Date(base + 3000),
    reviewCount: 1,
    ratingTotal: 5,
  });
  await createProduct(db, {
    categoryId: kitchen.id,
    slug: 'retired-kettle',
    name: 'Retired Kettle',
    priceCents: 100,
    active: false,
    createdAt: new Date(base + 4000),
  });
});

describe('GET /api/v1/products', () => {
  it('lists active products newest first in the page shape', async () => {
    const res = await get('/api/v1/products');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(body.items.map((p: { slug: string }) => p.slug)).toEqual([
      'cast-iron-skillet',
      'paper-floor-lamps-set',
      'brass-desk-lamp',
    ]);
    expect(body.items[2]).toMatchObject({
      id: lampId,
      name: 'Brass Desk Lamp',
      priceCents: 8900,
      currency: 'USD',
      stock: 3,
      inStock: true,
      category: 'lighting',
      categoryName: 'Lighting',
      rating: 4.5,
      reviewCount: 2,
    });
  });

  it('full-text search stems and requires every word', async () => {
    const lamps = (await get('/api/v1/products?q=lamps')).json();
    expect(lamps.items.map((p: { slug: string }) => p.slug).sort()).toEqual([
      'brass-desk-lamp',
      'cast-iron-skillet',
      'paper-floor-lamps-set',
    ]);
    const both = (await get('/api/v1/products?q=reading%20lamp')).json();
    expect(both.items.map((p: { slug: string }) => p.slug)).toEqual(['brass-desk-lamp']);
    const ranked = (await get('/api/v1/products?q=lamp&sort=relevance')).json();
    expect(ranked.items.at(-1).slug).toBe('cast-iron-skillet');
  });

  it('reports the number of matches on every page of a ranked search, even past the end', async () => {
    for (const [page, items] of [
      [1, 2],
      [2, 1],
      [3, 0],
    ] as const) {
      const body = (await get(`/api/v1/products?q=lamp&pageSize=2&page=${page}`)).json();
      expect(body).toMatchObject({ page, pageSize: 2, total: 3 });
      expect(body.items).toHaveLength(items);
    }
    expect((await get('/api/v1/products?q=nothing-like-it')).json()).toMatchObject({ items: [], total: 0 });
  });

  it('treats search input as data, not SQL or tsquery syntax', async () => {
    for (const q of ["'; drop table products; --", 'lamp & !', '(((', 'a:*|b']) {
      const res = await get(`/api/v1/products?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
    }
    expect((await get('/api/v1/products')).json().total).toBe(3);
  });

  it('filters by category, inclusive price bounds and stock', async () => {
    const lighting = (await get('/api/v1/products?category=lighting')).json();
    expect(lighting.total).toBe(2);
    const bounded = (await get('/api/v1/products?minPriceCents=3500&maxPriceCents=8900')).json();
    expect(bounded.items.map((p: { slug: string }) => p.slug).sort()).toEqual([
      'brass-desk-lamp',
      'cast-iron-skillet',
    ]);
    const inStock = (await get('/api/v1/products?category=lighting&inStock=true')).json();
    expect(inStock.items.map((p: { slug: string }) => p.slug)).toEqual(['brass-desk-lamp']);
    expect((await get('/api/v1/products?category=nope')).json().total).toBe(0);
  });

  it('sorts by price and rating', async () => {
    const slugs = async (sort: string) =>
      (await get(`/api/v1/products?sort=${sort}`)).json().items.map((p: { slug: string }) => p.slug);
    expect(await slugs('price_asc')).toEqual([
      'cast-iron-skillet',
      'brass-desk-lamp',
      'paper-floor-lamps-set',
    ]);
    expect(await slugs('price_desc')).toEqual([
      'paper-floor-lamps-set',
      'brass-desk-lamp',
      'cast-iron-skillet',
    ]);
    expect(await slugs('rating')).toEqual(['cast-iron-skillet', 'brass-desk-lamp', 'paper-floor-lamps-set']);
  });

  it('pages without overlap', async () => {
    const first = (await get('/api/v1/products?pageSize=2&page=1')).json();
    const second = (await get('/api/v1/products?pageSize=2&page=2')).json();
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(second.items[0].slug).not.toBe(first.items[1].slug);
  });

  it.each([
    ['page=-1', 'page'],
    ['page=0', 'page'],
    ['pageSize=1000', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['minPriceCents=abc', 'minPriceCents'],
    ['maxPriceCents=1.5', 'maxPriceCents'],
    ['sort=cheapest', 'sort'],
    ['inStock=maybe', 'inStock'],
    ['minPriceCents=500&maxPriceCents=100', 'minPriceCents'],
  ])('refuses %s with a 400 problem naming %s', async (query, field) => {
    const res = await get(`/api/v1/products?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(JSON.stringify(problem)).not.toMatch(/ZodError|stack|select /i);
  });
});

describe('GET /api/v1/products/:idOrSlug', () => {
  it('finds a product by slug and by id', async () => {
    expect((await get('/api/v1/products/brass-desk-lamp')).json().id).toBe(lampId);
    expect((await get(`/api/v1/products/${lampId}`)).json().slug).toBe('brass-desk-lamp');
  });

  it('answers 404 problem+json for unknown and archived products', async () => {
    for (const key of ['no-such-thing', 'retired-kettle', '00000000-0000-4000-8000-000000000000']) {
      const res = await get(`/api/v1/products/${key}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('GET /api/v1/categories', () => {
  it('lists categories with active product counts', async () => {
    const body = (await get('/api/v1/categories')).json();
    expect(body).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(body.items).toEqual([
      { slug: 'empty', name: 'Empty shelf', productCount: 0 },
      { slug: 'kitchen', name: 'Kitchen', productCount: 1 },
      { slug: 'lighting', name: 'Lighting', productCount: 2 },
    ]);
  });
});

describe('conditional requests', () => {
  it('sends a weak ETag and answers a matching If-None-Match with 304', async () => {
    const first = await get('/api/v1/products?category=kitchen');
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get('/api/v1/products?category=kitchen', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await get('/api/v1/products?category=kitchen', { 'if-none-match': 'W/"stale"' });
    expect(other.statusCode).toBe(200);
  });

  it('a catalog change yields a new ETag once the cache is invalidated', async () => {
    const before = await get('/api/v1/products/cast-iron-skillet');
    await db.update(schema.products).set({ stock: 39 }).where(eq(schema.products.slug, 'cast-iron-skillet'));
    ctx.app.invalidatePublicCache();
    const after = await get('/api/v1/products/cast-iron-skillet', {
      'if-none-match': before.headers.etag as string,
    });
    expect(after.statusCode).toBe(200);
    expect(after.json().stock).toBe(39);
  });

  it('does not mark authenticated reads as publicly cacheable', async () => {
    const res = await get('/api/v1/products', { authorization: 'Bearer whatever' });
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.etag).toBeUndefined();
  });
});
