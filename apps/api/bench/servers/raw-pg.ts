import Fastify from 'fastify';
import pg from 'pg';
import { announceReady, requiredEnv } from './child.ts';

// The floor the stack should reach: the app's default product list (newest active products
// joined to their category, plus the active count, in parallel) as hand-written named prepared
// statements on a raw pg pool of the app's size, answered in the same JSON shape. No ORM, no
// schema validation or serialization, no plugins.
const PAGE_SQL = `select p.id, p.name, p.slug, p.description, p.price_cents as "priceCents", p.currency,
  p.stock, p.image_url as "imageUrl", c.slug as category, c.name as "categoryName",
  p.review_count as "reviewCount", p.rating_total as "ratingTotal", p.created_at as "createdAt"
from products p inner join categories c on p.category_id = c.id
where p.active
order by p.created_at desc nulls last, p.id desc nulls last
limit $1 offset $2`;
const COUNT_SQL = 'select count(*) from products where active';

interface Row {
  id: string;
  name: string;
  slug: string;
  description: string;
  priceCents: number;
  currency: string;
  stock: number;
  imageUrl: string | null;
  category: string;
  categoryName: string;
  reviewCount: number;
  ratingTotal: number;
  createdAt: Date;
}

const toItem = (row: Row) => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  description: row.description,
  priceCents: row.priceCents,
  currency: row.currency,
  stock: row.stock,
  inStock: row.stock > 0,
  imageUrl: row.imageUrl,
  category: row.category,
  categoryName: row.categoryName,
  rating: row.reviewCount > 0 ? Math.round((row.ratingTotal / row.reviewCount) * 10) / 10 : null,
  reviewCount: row.reviewCount,
  createdAt: row.createdAt.toISOString(),
});

const pool = new pg.Pool({ connectionString: requiredEnv('BENCH_APP_DATABASE_URL'), max: 10 });
const app = Fastify({ logger: false });

app.get<{ Querystring: { page?: string; pageSize?: string } }>('/products', async (request) => {
  const page = Number(request.query.page ?? 1);
  const pageSize = Number(request.query.pageSize ?? 20);
  const [rows, counted] = await Promise.all([
    pool.query<Row>({ name: 'ref_newest_page', text: PAGE_SQL, values: [pageSize, (page - 1) * pageSize] }),
    pool.query<{ count: string }>({ name: 'ref_active_count', text: COUNT_SQL }),
  ]);
  return { items: rows.rows.map(toItem), page, pageSize, total: Number(counted.rows[0]?.count ?? 0) };
});

await app.listen({ port: 0, host: '127.0.0.1' });
announceReady(app.server, async () => {
  await app.close();
  await pool.end();
});
