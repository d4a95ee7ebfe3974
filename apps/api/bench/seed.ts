import { type Database, openDatabase, schema } from '@securecart/db';
import { sql } from 'drizzle-orm';
import { createPasswords } from '../src/lib/passwords.ts';

const CATEGORIES = [
  ['kitchen', 'Kitchen'],
  ['lighting', 'Lighting'],
  ['furniture', 'Furniture'],
  ['garden', 'Garden'],
  ['bath', 'Bath'],
  ['office', 'Office'],
  ['outdoor', 'Outdoor'],
  ['tools', 'Tools'],
  ['textiles', 'Textiles'],
  ['storage', 'Storage'],
  ['decor', 'Decor'],
  ['tableware', 'Tableware'],
] as const;

/** Space-separated words; `_` joins a two-word term. */
const words = (text: string) =>
  text
    .trim()
    .split(/\s+/)
    .map((word) => word.replaceAll('_', ' '));

const ADJECTIVES = words(`
  compact rustic modern classic sturdy slim folding round square
  vintage minimal heavy light large small handmade matte
`);
// ~1 in 16 names and descriptions mention each material: `q=steel` matches roughly a tenth.
const MATERIALS = words(`
  steel oak walnut brass copper linen wool ceramic
  glass bamboo cast_iron marble leather cotton aluminium rattan
`);
const NOUNS = words(`
  lamp skillet chair table shelf basket kettle mug bowl vase stool bench rug blanket planter
  hook tray clock mirror desk cabinet knife pan towel lantern trowel hammer organizer jar
`);
const USES = ['everyday use', 'small flats', 'the patio', 'busy kitchens', 'reading corners', 'gifting'];
const FEATURES = [
  'a weighted base',
  'rounded edges',
  'a brushed finish',
  'hidden fixings',
  'a lifetime warranty',
  'replaceable parts',
  'a soft-close hinge',
  'stain-resistant coating',
  'a stainless core',
];

const BATCH = 1_000;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** Deterministic (mulberry32), so every run searches the same catalog. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type NewProduct = typeof schema.products.$inferInsert;

function product(index: number, categoryId: string, next: () => number, now: number): NewProduct {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const name = `${pick(ADJECTIVES)} ${pick(MATERIALS)} ${pick(NOUNS)}`;
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
  const reviewCount = next() < 0.3 ? 0 : Math.floor(next() * 300);
  return {
    name: capitalised,
    slug: `${name.replaceAll(' ', '-')}-${index}`,
    description:
      `A ${pick(ADJECTIVES)} ${name} in ${pick(MATERIALS)} with ${pick(FEATURES)}. ` +
      `Made for ${pick(USES)}; pairs well with our ${pick(MATERIALS)} ${pick(NOUNS)}.`,
    priceCents: 199 + Math.floor(next() * 49_800),
    stock: next() < 0.1 ? 0 : Math.floor(next() * 200),
    imageUrl: next() < 0.8 ? `/images/products/${pick(NOUNS)}.webp` : null,
    categoryId,
    active: next() > 0.04,
    reviewCount,
    ratingTotal: reviewCount * (1 + Math.floor(next() * 5)),
    createdAt: new Date(now - Math.floor(next() * YEAR_MS)),
  };
}

/** Orders for the report scenarios: paid over the last two years, 1 in 20 cancelled, 1 in 10 partly refunded. */
export const BENCH_ORDERS = 100_000;

async function seedOrders(db: Awaited<ReturnType<typeof openDatabase>>['db'], count: number) {
  // Set-based in PostgreSQL: 100,000 orders and two lines each in a few seconds.
  await db.execute(sql`
    insert into orders (number, guest_email, status, subtotal_cents, tax_cents, shipping_cents, total_cents,
      refunded_cents, shipping_address, billing_address, shipping_method_id, shipping_method_name,
      payment_provider, created_at, paid_at)
    select 'SC-B' || lpad(upper(to_hex(i)), 8, '0'), 'buyer' || (i % 5000) || '@example.test',
      (case when i % 20 = 0 then 'cancelled' when i % 10 = 3 then 'partially_refunded' else 'paid' end)::order_status,
      1000 + i % 9000, 0, 500, 1500 + i % 9000, case when i % 10 = 3 then 300 else 0 end,
      '{}'::jsonb, '{}'::jsonb, 'standard', 'Standard', 'simulated',
      now() - (i * interval '1 minute' * (730 * 24 * 60) / ${count}),
      now() - (i * interval '1 minute' * (730 * 24 * 60) / ${count}) + interval '2 minutes'
    from generate_series(1, ${count}) i`);
  await db.execute(sql`
    with p as (select id, name, (row_number() over (order by id) - 1)::int as n from products),
         c as (select count(*)::int as total from products)
    insert into order_items (order_id, product_id, name, unit_price_cents, quantity, line_total_cents)
    select o.id, p.id, p.name, o.subtotal_cents, 1, o.subtotal_cents
    from orders o cross join c join p on p.n = abs(hashtext(o.number)) % c.total`);
}

/** Migrates the bench database, fills a realistic catalog and refreshes planner statistics. */
/** Customers the login scenario signs in as, one after another (one argon2id hash shared by all). */
export const BENCH_SHOPPERS = { count: 200, password: 'Velvet-Harbor-Kettle-93' };
export const benchShopperEmail = (index: number) => `shopper-${index}@bench.test`;

async function seedShoppers(db: Database) {
  const passwordHash = await createPasswords().hash(BENCH_SHOPPERS.password);
  await db.insert(schema.users).values(
    Array.from({ length: BENCH_SHOPPERS.count }, (_, index) => ({
      email: benchShopperEmail(index),
      name: `Shopper ${index}`,
      passwordHash,
      emailVerifiedAt: new Date(),
      privacyPolicyVersion: '2026-01',
      privacyAcceptedAt: new Date(),
    })),
  );
}

export async function seedBenchDatabase(url: string, productCount: number): Promise<{ active: number }> {
  const handle = await openDatabase({ url, poolMax: 2 });
  try {
    await handle.migrate();
    const categoryRows = await handle.db
      .insert(schema.categories)
      .values(CATEGORIES.map(([slug, name]) => ({ slug, name })))
      .returning({ id: schema.categories.id });
    const next = random(20_260_101);
    const now = Date.now();
    let active = 0;
    for (let start = 0; start < productCount; start += BATCH) {
      const batch: NewProduct[] = [];
      for (let index = start; index < Math.min(start + BATCH, productCount); index++) {
        const row = product(index, categoryRows[index % categoryRows.length]!.id, next, now);
        if (row.active) active++;
        batch.push(row);
      }
      await handle.db.insert(schema.products).values(batch);
    }
    await seedOrders(handle.db, BENCH_ORDERS);
    await seedShoppers(handle.db);
    // Statistics for the planner, and the visibility map autovacuum would have set by now
    // (index-only scans for the counts).
    await handle.db.execute(sql`vacuum analyze`);
    return { active };
  } finally {
    await handle.close();
  }
}
