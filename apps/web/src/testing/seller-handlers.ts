import type {
  AdminProduct,
  GroupBy,
  Page,
  SellerOrderLine,
  SellerProductCreate,
  SellerProductUpdate,
  StockAdjustment,
} from '@securecart/contract';
import { HttpResponse, http } from 'msw';
import { makeProfile } from './auth-fixtures.ts';
import { roleOnly, validationProblem } from './auth-handlers.ts';
import { categories } from './fixtures.ts';
import { problem, TEST_API } from './handlers.ts';
import { daysBetween, periodOf } from './report-periods.ts';

/** The signed-in seller of the tests: `makeProfile()`'s id, so `makeProfile({ role: 'seller' })` owns these. */
export const SELLER_ID = makeProfile().id;
export const OTHER_SELLER_ID = '00000000-0000-4000-8000-00000000b0b0';
export const FOREIGN_PRODUCT_ID = '00000000-0000-4000-8000-00000000f0f0';

let sequence = 0;
const uuid = (prefix: string) => {
  sequence += 1;
  return `00000000-0000-4000-8000-${prefix}${String(sequence).padStart(12 - prefix.length, '0')}`;
};

export function makeSellerProduct(overrides: Partial<AdminProduct> = {}): AdminProduct {
  const id = overrides.id ?? uuid('5e');
  const category = overrides.category ?? 'lighting';
  const stock = overrides.stock ?? 12;
  return {
    id,
    name: 'Walnut Lamp',
    slug: `product-${id.slice(-6)}`,
    description: 'Turned by hand.',
    priceCents: 4500,
    currency: 'USD',
    stock,
    inStock: stock > 0,
    imageUrl: null,
    category,
    categoryName: categories.find((c) => c.slug === category)?.name ?? category,
    rating: null,
    reviewCount: 0,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    active: true,
    sellerId: SELLER_ID,
    ...overrides,
  };
}

export function makeOrderLine(overrides: Partial<SellerOrderLine> = {}): SellerOrderLine {
  return {
    orderId: uuid('0d'),
    orderNumber: 'SC-7K3M-9QX2',
    createdAt: '2026-03-02T10:00:00.000Z',
    status: 'paid',
    productId: uuid('5e'),
    name: 'Walnut Lamp',
    quantity: 2,
    unitPriceCents: 4500,
    lineTotalCents: 9000,
    shippedAt: null,
    carrier: null,
    trackingNumber: null,
    ...overrides,
  };
}

const initialProducts = () => [
  makeSellerProduct({ name: 'Walnut Lamp', stock: 12 }),
  makeSellerProduct({ name: 'Oak Shelf', priceCents: 8900, stock: 3, category: 'kitchen' }),
  makeSellerProduct({ id: FOREIGN_PRODUCT_ID, name: 'Someone Else’s Kettle', sellerId: OTHER_SELLER_ID }),
];

const initialLines = () => [
  makeOrderLine({ orderNumber: 'SC-AAAA-1111', name: 'Walnut Lamp' }),
  makeOrderLine({
    orderNumber: 'SC-BBBB-2222',
    createdAt: '2026-03-05T10:00:00.000Z',
    name: 'Oak Shelf',
    quantity: 1,
    lineTotalCents: 8900,
    status: 'shipped',
    shippedAt: '2026-03-06T08:00:00.000Z',
    carrier: 'DHL',
    trackingNumber: 'JD0001',
  }),
];

/**
 * A small, stateful imitation of the seller API: the signed-in seller's products and order lines;
 * another seller's product is a 404, as the API answers. Tests arrange state here.
 */
export const sellerFake = {
  products: initialProducts(),
  lines: initialLines(),
  /** The query strings /seller/reports/sales received, oldest first. */
  reportQueries: [] as URLSearchParams[],
};

export function resetSellerFake() {
  sellerFake.products = initialProducts();
  sellerFake.lines = initialLines();
  sellerFake.reportQueries = [];
}

const own = () => sellerFake.products.filter((product) => product.sellerId === SELLER_ID);
const findOwn = (id: unknown) => own().find((product) => product.id === id);
const notFound = () => problem(404, 'Not Found', 'Product not found');
const pageOf = <T>(items: T[], params: URLSearchParams): Page<T> => {
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length };
};

const sorters: Record<string, (a: AdminProduct, b: AdminProduct) => number> = {
  name_asc: (a, b) => a.name.localeCompare(b.name),
  price_asc: (a, b) => a.priceCents - b.priceCents,
  price_desc: (a, b) => b.priceCents - a.priceCents,
  stock_asc: (a, b) => a.stock - b.stock,
};

/** What the API's zod schema would refuse in a product body, in its words. */
function productProblems(body: SellerProductUpdate, creating: boolean) {
  const errors: { path: string; message: string }[] = [];
  if (body.name !== undefined && !body.name.trim()) errors.push({ path: 'name', message: 'is required' });
  if (body.category !== undefined && !categories.some((c) => c.slug === body.category)) {
    errors.push({ path: 'category', message: 'is not a category' });
  }
  if (creating && body.name === undefined) errors.push({ path: 'name', message: 'is required' });
  return errors.length > 0 ? validationProblem(errors) : undefined;
}

const save = (product: AdminProduct) => {
  const saved = {
    ...product,
    inStock: product.stock > 0,
    categoryName: categories.find((c) => c.slug === product.category)?.name ?? product.category,
    updatedAt: new Date(Date.parse(product.updatedAt) + 60_000).toISOString(),
  };
  sellerFake.products = sellerFake.products.map((p) => (p.id === saved.id ? saved : p));
  return saved;
};

const seller = (handler: Parameters<typeof roleOnly>[1]) => roleOnly(['seller', 'admin'], handler);

export const sellerHandlers = [
  http.get(
    `${TEST_API}/seller/products`,
    seller(({ request }) => {
      const params = new URL(request.url).searchParams;
      const words = (params.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const active = params.get('active');
      const matching = own()
        .filter((p) => words.every((word) => p.name.toLowerCase().includes(word)))
        .filter((p) => active === null || String(p.active) === active)
        .filter((p) => params.get('lowStock') !== 'true' || p.stock <= 5)
        .sort(sorters[params.get('sort') ?? ''] ?? ((a, b) => b.createdAt.localeCompare(a.createdAt)));
      return HttpResponse.json(pageOf(matching, params));
    }),
  ),
  http.post(
    `${TEST_API}/seller/products`,
    seller(async ({ request }) => {
      const body = (await request.json()) as SellerProductCreate;
      const refused = productProblems(body, true);
      if (refused) return refused;
      const product = makeSellerProduct({
        ...body,
        description: body.description ?? '',
        imageUrl: body.imageUrl ?? null,
        createdAt: new Date().toISOString(),
      });
      sellerFake.products.push(product);
      return HttpResponse.json(product, { status: 201 });
    }),
  ),
  http.get(
    `${TEST_API}/seller/products/:id`,
    seller(({ params }) => {
      const product = findOwn(params.id);
      return product ? HttpResponse.json(product) : notFound();
    }),
  ),
  http.patch(
    `${TEST_API}/seller/products/:id`,
    seller(async ({ request, params }) => {
      const product = findOwn(params.id);
      if (!product) return notFound();
      const body = (await request.json()) as SellerProductUpdate;
      const refused = productProblems(body, false);
      if (refused) return refused;
      return HttpResponse.json(save({ ...product, ...body, imageUrl: body.imageUrl ?? product.imageUrl }));
    }),
  ),
  http.delete(
    `${TEST_API}/seller/products/:id`,
    seller(({ params }) => {
      const product = findOwn(params.id);
      if (!product) return notFound();
      save({ ...product, active: false });
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  http.post(
    `${TEST_API}/seller/products/:id/stock`,
    seller(async ({ request, params }) => {
      const product = findOwn(params.id);
      if (!product) return notFound();
      const { delta } = (await request.json()) as StockAdjustment;
      if (product.stock + delta < 0) {
        return problem(409, 'Conflict', `Stock is ${product.stock}; it cannot go below 0.`, {
          code: 'insufficient_stock',
        });
      }
      return HttpResponse.json(save({ ...product, stock: product.stock + delta }));
    }),
  ),
  http.get(
    `${TEST_API}/seller/orders`,
    seller(({ request }) => {
      const params = new URL(request.url).searchParams;
      const status = params.get('status');
      const shipped = params.get('shipped');
      const matching = sellerFake.lines
        .filter((line) => !status || line.status === status)
        .filter((line) => shipped === null || String(line.shippedAt !== null) === shipped)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return HttpResponse.json(pageOf(matching, params));
    }),
  ),
  http.post(
    `${TEST_API}/seller/orders/:orderId/lines/:productId/ship`,
    seller(async ({ request, params }) => {
      const line = sellerFake.lines.find(
        (l) => l.orderId === params.orderId && l.productId === params.productId,
      );
      if (!line) return problem(404, 'Not Found', 'Order line not found');
      // As the API (ADR 011): a partial refund does not stop fulfilment.
      if (!['paid', 'partially_refunded'].includes(line.status) || line.shippedAt) {
        return problem(409, 'Conflict', 'This line was already shipped.', { code: 'already_shipped' });
      }
      const body = (await request.json()) as { carrier: string; trackingNumber: string };
      const shipped: SellerOrderLine = {
        ...line,
        // The fake's orders hold one line each, so shipping it ships the order.
        status: 'shipped',
        shippedAt: new Date().toISOString(),
        carrier: body.carrier,
        trackingNumber: body.trackingNumber,
      };
      sellerFake.lines = sellerFake.lines.map((l) => (l === line ? shipped : l));
      return HttpResponse.json(shipped);
    }),
  ),
  http.get(
    `${TEST_API}/seller/reports/sales`,
    seller(({ request }) => {
      const params = new URL(request.url).searchParams;
      sellerFake.reportQueries.push(params);
      const rows = salesRows(params);
      const totals = {
        orders: rows.reduce((sum, row) => sum + row.orders, 0),
        revenueCents: rows.reduce((sum, row) => sum + row.revenueCents, 0),
      };
      if (params.get('format') === 'csv') {
        const csv = [
          'period,orders,revenueCents',
          ...rows.map((r) => `${r.period},${r.orders},${r.revenueCents}`),
        ];
        return new HttpResponse([...csv, `total,${totals.orders},${totals.revenueCents}`].join('\n'), {
          headers: { 'content-type': 'text/csv; charset=utf-8' },
        });
      }
      return HttpResponse.json({ rows, totals });
    }),
  ),
];

/** Every period of the range, as the API answers (zeros included): the lines placed in it, cancelled ones left out. */
function salesRows(params: URLSearchParams) {
  const groupBy = (params.get('groupBy') ?? 'day') as GroupBy;
  const rows = new Map<string, { period: string; orders: number; revenueCents: number }>();
  for (const day of daysBetween(params.get('from') ?? '', params.get('to') ?? '')) {
    const period = periodOf(day, groupBy);
    const row = rows.get(period) ?? { period, orders: 0, revenueCents: 0 };
    const sold = sellerFake.lines.filter(
      (line) => line.createdAt.startsWith(day) && line.status !== 'cancelled',
    );
    rows.set(period, {
      period,
      orders: row.orders + sold.length,
      revenueCents: row.revenueCents + sold.reduce((sum, line) => sum + line.lineTotalCents, 0),
    });
  }
  return [...rows.values()];
}
