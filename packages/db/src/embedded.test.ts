import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { products } from './schema/index.ts';
import { seedDemoCatalog } from './seed/demo-catalog.ts';

// The default a new user gets: PGlite persisted on disk, migrated and seeded at start-up.
describe('embedded database (PGlite)', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sc-embedded-'));
  const dataDir = path.join(dir, 'pglite');
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('migrates, seeds the demo catalog once, and keeps it across restarts', async () => {
    const first = await openDatabase({ dataDir });
    await first.migrate();
    const seeded = await seedDemoCatalog(first.db);
    expect(seeded.products).toBeGreaterThanOrEqual(40);
    expect(seeded.categories).toBeGreaterThanOrEqual(6);
    await first.close();

    const second = await openDatabase({ dataDir });
    await second.migrate();
    expect(await seedDemoCatalog(second.db)).toEqual({ categories: 0, products: 0 });
    const [row] = await second.db.select({ total: count() }).from(products);
    expect(row!.total).toBe(seeded.products);

    // Full-text search with English stemming works in the embedded build too.
    const found = await second.db
      .select({ slug: products.slug })
      .from(products)
      .where(sql`${products.searchVector} @@ plainto_tsquery('english', 'lamps')`);
    expect(found.length).toBeGreaterThanOrEqual(3);

    // The CHECK constraint, not only the service, keeps stock from going negative.
    const [one] = found;
    await expect(
      second.db.update(products).set({ stock: -1 }).where(eq(products.slug, one!.slug)),
    ).rejects.toThrow();
    expect(second.kind).toBe('pglite');
    await second.close();
  }, 120_000);

  it('demo products are varied: several out of stock, prices spread, every one with an image', async () => {
    const handle = await openDatabase({ dataDir });
    const rows = await handle.db.select().from(products);
    expect(rows.filter((p) => p.stock === 0).length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((p) => p.priceCents)).size).toBeGreaterThan(30);
    expect(rows.every((p) => p.imageUrl?.startsWith('/images/products/'))).toBe(true);
    await handle.close();
  }, 60_000);
});
