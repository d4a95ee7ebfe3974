import { randomBytes } from 'node:crypto';
import { type Database, schema } from '@securecart/db';

const suffix = () => randomBytes(4).toString('hex');

export async function createCategory(
  db: Database,
  fields: Partial<typeof schema.categories.$inferInsert> = {},
) {
  const slug = fields.slug ?? `category-${suffix()}`;
  const [category] = await db
    .insert(schema.categories)
    .values({ slug, name: fields.name ?? `Category ${slug}`, ...fields })
    .returning();
  return category!;
}

export async function createProduct(
  db: Database,
  fields: Partial<typeof schema.products.$inferInsert> & { categoryId: string },
) {
  const slug = fields.slug ?? `product-${suffix()}`;
  const [product] = await db
    .insert(schema.products)
    .values({
      name: `Product ${slug}`,
      description: 'A fine product.',
      priceCents: 1999,
      stock: 10,
      imageUrl: `/images/products/placeholder.svg`,
      ...fields,
      slug,
    })
    .returning();
  return product!;
}

const ORDER_ADDRESS = {
  name: 'Ada Buyer',
  line1: '1 Market Street',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

export interface OrderFixture {
  status?: (typeof schema.orders.$inferInsert)['status'];
  userId?: string | null;
  guestEmail?: string | null;
  lines: {
    productId: string;
    sellerId?: string | null;
    name?: string;
    unitPriceCents: number;
    quantity: number;
  }[];
  shippingCents?: number;
  refundedCents?: number;
  createdAt?: Date;
  paidAt?: Date | null;
}

/** Inserts an order and its lines directly (reports and back-office fixtures); totals follow the lines. */
export async function createOrder(db: Database, fields: OrderFixture) {
  const subtotalCents = fields.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
  const shippingCents = fields.shippingCents ?? 0;
  const status = fields.status ?? 'paid';
  const createdAt = fields.createdAt ?? new Date();
  const code = () => randomBytes(4).toString('hex').toUpperCase().slice(0, 4);
  const [order] = await db
    .insert(schema.orders)
    .values({
      number: `SC-${code()}-${code()}`,
      userId: fields.userId ?? null,
      guestEmail: fields.userId ? null : (fields.guestEmail ?? `guest-${suffix()}@example.test`),
      status,
      subtotalCents,
      taxCents: 0,
      shippingCents,
      totalCents: subtotalCents + shippingCents,
      refundedCents: fields.refundedCents ?? 0,
      shippingAddress: ORDER_ADDRESS,
      billingAddress: ORDER_ADDRESS,
      shippingMethodId: 'standard',
      shippingMethodName: 'Standard',
      paymentProvider: 'simulated',
      paymentIntentId: `sim_pi_${suffix()}${suffix()}`,
      createdAt,
      paidAt: fields.paidAt === undefined ? (status === 'pending_payment' ? null : createdAt) : fields.paidAt,
      cancelledAt: status === 'cancelled' ? createdAt : null,
    })
    .returning();
  await db.insert(schema.orderItems).values(
    fields.lines.map((line) => ({
      orderId: order!.id,
      productId: line.productId,
      sellerId: line.sellerId ?? null,
      name: line.name ?? 'Fixture product',
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
      lineTotalCents: line.unitPriceCents * line.quantity,
    })),
  );
  return order!;
}
