import { randomBytes } from 'node:crypto';
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

// The place-order reference: the bare transaction of the app's completion (a guarded stock update
// that also re-checks the price, the order row and its line), with no draft, cart or payment.
const TAKE_STOCK_SQL = `update products set stock = stock - 1
where id = $1 and stock >= 1 and price_cents = $2 and active returning name`;
const INSERT_ORDER_SQL = `insert into orders (number, guest_email, status, subtotal_cents, tax_cents,
  shipping_cents, total_cents, shipping_address, billing_address, shipping_method_id, shipping_method_name,
  payment_provider, paid_at)
values ($1, $2, 'paid', $3, 0, 599, $3 + 599, '{}', '{}', 'standard', 'Standard', 'simulated', now())
returning id`;
const INSERT_LINE_SQL = `insert into order_items (order_id, product_id, name, unit_price_cents, quantity, line_total_cents)
values ($1, $2, $3, $4, 1, $4)`;

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

app.post<{ Body: { productId: string; priceCents: number } }>('/orders', async (request, reply) => {
  const { productId, priceCents } = request.body;
  const client = await pool.connect();
  try {
    await client.query('begin');
    const taken = await client.query<{ name: string }>({
      name: 'ref_take_stock',
      text: TAKE_STOCK_SQL,
      values: [productId, priceCents],
    });
    if (taken.rowCount === 0) {
      await client.query('rollback');
      return reply.code(409).send({ code: 'insufficient_stock' });
    }
    const order = await client.query<{ id: string }>({
      name: 'ref_insert_order',
      text: INSERT_ORDER_SQL,
      values: [`SC-R${randomBytes(6).toString('hex')}`, 'reference@bench.test', priceCents],
    });
    const orderId = order.rows[0]!.id;
    await client.query({
      name: 'ref_insert_line',
      text: INSERT_LINE_SQL,
      values: [orderId, productId, taken.rows[0]!.name, priceCents],
    });
    await client.query('commit');
    return reply.code(201).send({ id: orderId });
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
});

await app.listen({ port: 0, host: '127.0.0.1' });
announceReady(app.server, async () => {
  await app.close();
  await pool.end();
});
