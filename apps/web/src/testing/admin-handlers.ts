import {
  ADMIN_ORDER_SORTS,
  type AdminOrder,
  type AdminOrderSort,
  type AdminProduct,
  type InventoryReport,
  ORDER_STATUSES,
  type OrderStatus,
  type Page,
  type RefundExceedsProblem,
  type SalesReport,
} from '@securecart/contract';
import { HttpResponse, http } from 'msw';
import { formatMoney } from '../features/catalog/utils/money.ts';
import { roleOnly, validationProblem } from './auth-handlers.ts';
import { categories } from './fixtures.ts';
import { problem, TEST_API } from './handlers.ts';

/**
 * A small, stateful imitation of the admin product, order and report endpoints, with the API's
 * rules (admins only, paging, filters, what can be shipped or refunded). Tests arrange state in
 * `adminFake` and read back what the SPA sent.
 */
export const adminFake = {
  products: [] as AdminProduct[],
  orders: [] as AdminOrder[],
  /** Files the fake received at POST /admin/products/:id/image. */
  uploads: [] as { productId: string; type: string }[],
  /** The Idempotency-Key of each refund request, oldest first. */
  refundKeys: [] as (string | null)[],
  /** Query strings of GET /admin/orders, oldest first. */
  orderQueries: [] as URLSearchParams[],
};

/**
 * For `describe(…, { timeout })` in admin page tests: each test drives the lazily loaded admin app
 * through several requests, which outlasts vitest's 5 s default on a busy machine.
 */
export const ADMIN_TEST_TIMEOUT_MS = 20_000;

const LOW_STOCK = 5;
const categoryName = (slug: string) => categories.find((category) => category.slug === slug)?.name ?? slug;
const uuid = (prefix: string, n: number) => `00000000-0000-4000-${prefix}-${String(n).padStart(12, '0')}`;

export function makeAdminProduct(n: number, overrides: Partial<AdminProduct> = {}): AdminProduct {
  const category = categories[n % categories.length]!.slug;
  const time = new Date(Date.UTC(2026, 0, 1) + n * 60 * 60 * 1000).toISOString();
  const stock = overrides.stock ?? 10 + n;
  return {
    id: uuid('8000', n),
    name: `Admin Item ${String(n).padStart(2, '0')}`,
    slug: `admin-item-${n}`,
    description: 'A thing the shop sells.',
    priceCents: 1000 + n * 100,
    currency: 'USD',
    stock,
    inStock: stock > 0,
    imageUrl: null,
    category,
    categoryName: categoryName(category),
    rating: null,
    reviewCount: 0,
    createdAt: time,
    active: true,
    sellerId: null,
    updatedAt: time,
    ...overrides,
  };
}

export function makeAdminOrder(n: number, overrides: Partial<AdminOrder> = {}): AdminOrder {
  const created = new Date(Date.UTC(2026, 10, 1) + n * 60 * 60 * 1000).toISOString();
  const status = overrides.status ?? 'paid';
  return {
    id: uuid('9000', n),
    number: `SC-TEST-${String(n).padStart(4, '0')}`,
    status,
    items: [
      {
        productId: uuid('8000', 1),
        name: 'Admin Item 01',
        unitPriceCents: 4000,
        quantity: 1,
        lineTotalCents: 4000,
        sellerId: null,
        shippedAt: null,
        carrier: null,
        trackingNumber: null,
      },
    ],
    subtotalCents: 4000,
    taxCents: 500,
    shippingCents: 500,
    totalCents: 5000,
    refundedCents: 0,
    currency: 'USD',
    shippingAddress: {
      name: 'Grace Hopper',
      line1: '1 Navy Way',
      line2: null,
      city: 'Arlington',
      region: 'VA',
      postalCode: '22201',
      country: 'US',
      phone: null,
    },
    shippingMethodName: 'Standard',
    carrier: null,
    trackingNumber: null,
    timeline: [
      { status: 'pending_payment', at: created, note: null },
      { status: 'paid', at: created, note: null },
    ],
    createdAt: created,
    paidAt: created,
    customerEmail: `customer${n}@example.test`,
    userId: uuid('a000', n),
    paymentProvider: 'fake',
    shippedAt: null,
    completedAt: null,
    cancelledAt: null,
    refunds: [],
    ...overrides,
  };
}

export function resetAdminFake() {
  adminFake.products = Array.from({ length: 25 }, (_, index) => makeAdminProduct(index + 1));
  adminFake.orders = Array.from({ length: 3 }, (_, index) => makeAdminOrder(index + 1));
  adminFake.uploads = [];
  adminFake.refundKeys = [];
  adminFake.orderQueries = [];
}
resetAdminFake();

const admin = (resolver: Parameters<typeof roleOnly>[1]) => roleOnly(['admin'], resolver);

const pageOf = <T>(items: T[], params: URLSearchParams): Page<T> => {
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length };
};

const productSorts: Record<string, (a: AdminProduct, b: AdminProduct) => number> = {
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt),
  name_asc: (a, b) => a.name.localeCompare(b.name),
  price_asc: (a, b) => a.priceCents - b.priceCents,
  price_desc: (a, b) => b.priceCents - a.priceCents,
  stock_asc: (a, b) => a.stock - b.stock,
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
};

const findProduct = (id: unknown) => adminFake.products.find((product) => product.id === id);
const findOrder = (id: unknown) => adminFake.orders.find((order) => order.id === id);
const productNotFound = () => problem(404, 'Not Found', 'Product not found');
const orderNotFound = () => problem(404, 'Not Found', 'Order not found');

/** The body checks the API's zod schemas make, for the fields the SPA sends. */
function productProblems(body: Record<string, unknown>, partial: boolean) {
  const errors: { path: string; message: string }[] = [];
  const check = (field: string, ok: (value: unknown) => boolean, message: string) => {
    if (partial && body[field] === undefined) return;
    if (!ok(body[field])) errors.push({ path: field, message });
  };
  const whole = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
  check('name', (value) => typeof value === 'string' && value.trim() !== '', 'is required');
  check('priceCents', whole, 'must be a whole number of cents, at least 0');
  check('stock', whole, 'must be a whole number, at least 0');
  check('category', (value) => typeof value === 'string' && value !== '', 'is required');
  return errors;
}

const touch = (product: AdminProduct, changes: Partial<AdminProduct>) => {
  Object.assign(product, changes, { updatedAt: new Date().toISOString() });
  product.inStock = product.stock > 0;
  return product;
};

const changeOrder = (
  order: AdminOrder,
  status: OrderStatus,
  changes: Partial<AdminOrder>,
  note: string | null = null,
) => {
  const at = new Date().toISOString();
  Object.assign(order, changes, { status });
  order.timeline = [...order.timeline, { status, at, note }];
  return at;
};

type OrderCompare = (a: AdminOrder, b: AdminOrder) => number;
const byCreated: OrderCompare = (a, b) => a.createdAt.localeCompare(b.createdAt);
const byLifecycle: OrderCompare = (a, b) =>
  ORDER_STATUSES.indexOf(a.status) - ORDER_STATUSES.indexOf(b.status);
const ascending: Record<string, OrderCompare> = {
  created: byCreated,
  total: (a, b) => a.totalCents - b.totalCents || byCreated(a, b),
  number: (a, b) => a.number.localeCompare(b.number),
  status: (a, b) => byLifecycle(a, b) || byCreated(a, b),
};
/** The API's sorts: ties go by created date in the same direction. */
const orderSort = (sort: AdminOrderSort): OrderCompare => {
  const [field = 'created', direction] = sort.split('_');
  const compare = ascending[field]!;
  return direction === 'desc' ? (a, b) => compare(b, a) : compare;
};
const isOrderSort = (value: string): value is AdminOrderSort =>
  (ADMIN_ORDER_SORTS as readonly string[]).includes(value);

// The API's fulfilment rule: a partial refund does not stop shipping or completing the order.
const canShip = (order: AdminOrder) =>
  order.status === 'paid' || (order.status === 'partially_refunded' && !order.shippedAt);
const canComplete = (order: AdminOrder) =>
  order.status === 'shipped' ||
  (order.status === 'partially_refunded' && order.shippedAt !== null && !order.completedAt);

function listOrders(params: URLSearchParams, sort: AdminOrderSort): AdminOrder[] {
  const q = params.get('q')?.toLowerCase();
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  return adminFake.orders
    .filter((order) => !status || order.status === status)
    .filter(
      (order) => !q || order.number.toLowerCase() === q || order.customerEmail.toLowerCase().includes(q),
    )
    .filter((order) => !from || order.createdAt.slice(0, 10) >= from)
    .filter((order) => !to || order.createdAt.slice(0, 10) <= to)
    .sort(orderSort(sort));
}

const csv = (name: string, rows: (string | number)[][]) =>
  new HttpResponse(`${rows.map((row) => row.join(',')).join('\r\n')}\r\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    },
  });

function salesReport(from: string, to: string): SalesReport {
  const rows: SalesReport['rows'] = [];
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += 86_400_000) {
    const period = new Date(day).toISOString().slice(0, 10);
    const paid = adminFake.orders.filter(
      (order) => order.paidAt?.slice(0, 10) === period && order.status !== 'cancelled',
    );
    rows.push({
      period,
      orders: paid.length,
      revenueCents: paid.reduce((sum, order) => sum + order.totalCents - order.refundedCents, 0),
    });
  }
  const orders = rows.reduce((sum, row) => sum + row.orders, 0);
  const revenueCents = rows.reduce((sum, row) => sum + row.revenueCents, 0);
  return {
    rows,
    totals: { orders, revenueCents },
    averageOrderValueCents: orders ? Math.round(revenueCents / orders) : 0,
    topProducts: [],
  };
}

function inventoryReport(): InventoryReport {
  const rows = adminFake.products
    .filter((product) => product.active)
    .sort((a, b) => a.stock - b.stock)
    .map((product) => ({
      productId: product.id,
      name: product.name,
      sellerId: product.sellerId,
      active: product.active,
      stock: product.stock,
      priceCents: product.priceCents,
      stockValueCents: product.stock * product.priceCents,
      lowStock: product.stock <= LOW_STOCK,
    }));
  return {
    rows,
    totals: {
      products: rows.length,
      units: rows.reduce((sum, row) => sum + row.stock, 0),
      stockValueCents: rows.reduce((sum, row) => sum + row.stockValueCents, 0),
      lowStock: rows.filter((row) => row.lowStock).length,
    },
  };
}

export const adminHandlers = [
  http.get(
    `${TEST_API}/admin/products`,
    admin(({ request }) => {
      const params = new URL(request.url).searchParams;
      const words = (params.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const matching = adminFake.products
        .filter((product) =>
          words.every((word) => `${product.name} ${product.description}`.toLowerCase().includes(word)),
        )
        .filter((product) => !params.get('category') || product.category === params.get('category'))
        .filter((product) => !params.has('active') || String(product.active) === params.get('active'))
        .filter((product) => params.get('lowStock') !== 'true' || product.stock <= LOW_STOCK)
        .sort(productSorts[params.get('sort') ?? 'newest'] ?? productSorts.newest);
      return HttpResponse.json(pageOf(matching, params));
    }),
  ),

  http.get(
    `${TEST_API}/admin/products/:id`,
    admin(({ params }) => {
      const product = findProduct(params.id);
      return product ? HttpResponse.json(product) : productNotFound();
    }),
  ),

  http.post(
    `${TEST_API}/admin/products`,
    admin(async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      const errors = productProblems(body, false);
      if (errors.length) return validationProblem(errors);
      const n = adminFake.products.length + 100;
      const product = makeAdminProduct(n, {
        name: String(body.name),
        slug: String(body.name)
          .toLowerCase()
          .replaceAll(/[^a-z0-9]+/g, '-'),
        description: String(body.description ?? ''),
        priceCents: body.priceCents as number,
        stock: body.stock as number,
        category: String(body.category),
        categoryName: categoryName(String(body.category)),
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      });
      adminFake.products.push(product);
      return HttpResponse.json(product, { status: 201 });
    }),
  ),

  http.patch(
    `${TEST_API}/admin/products/:id`,
    admin(async ({ request, params }) => {
      const product = findProduct(params.id);
      if (!product) return productNotFound();
      const body = (await request.json()) as Partial<AdminProduct>;
      const errors = productProblems(body, true);
      if (errors.length) return validationProblem(errors);
      const categoryChange = body.category ? { categoryName: categoryName(body.category) } : {};
      return HttpResponse.json(touch(product, { ...body, ...categoryChange }));
    }),
  ),

  http.delete(
    `${TEST_API}/admin/products/:id`,
    admin(({ params }) => {
      const product = findProduct(params.id);
      if (!product) return productNotFound();
      touch(product, { active: false });
      return new HttpResponse(null, { status: 204 });
    }),
  ),

  http.post(
    `${TEST_API}/admin/products/:id/stock`,
    admin(async ({ request, params }) => {
      const product = findProduct(params.id);
      if (!product) return productNotFound();
      const { delta, reason } = (await request.json()) as { delta: number; reason: string };
      if (!reason?.trim()) return validationProblem([{ path: 'reason', message: 'is required' }]);
      if (product.stock + delta < 0) return problem(409, 'Conflict', 'Stock cannot go below 0');
      return HttpResponse.json(touch(product, { stock: product.stock + delta }));
    }),
  ),

  http.post(
    `${TEST_API}/admin/products/:id/image`,
    admin(async ({ request, params }) => {
      const product = findProduct(params.id);
      if (!product) return productNotFound();
      const file = (await request.formData()).get('file');
      // jsdom's File reaches msw as undici's, so test the shape rather than the class.
      if (typeof file === 'string' || !file)
        return validationProblem([{ path: 'file', message: 'is required' }]);
      adminFake.uploads.push({ productId: product.id, type: file.type });
      return HttpResponse.json(touch(product, { imageUrl: `/images/products/${product.slug}.webp` }));
    }),
  ),

  http.get(
    `${TEST_API}/admin/orders`,
    admin(({ request }) => {
      const params = new URL(request.url).searchParams;
      adminFake.orderQueries.push(params);
      const sort = params.get('sort') ?? 'created_desc';
      if (!isOrderSort(sort)) {
        return validationProblem([
          { path: 'sort', message: `must be one of ${ADMIN_ORDER_SORTS.join(', ')}` },
        ]);
      }
      const orders = listOrders(params, sort);
      if (params.get('format') === 'csv') {
        return csv('orders.csv', [
          ['number', 'status', 'customerEmail', 'totalCents'],
          ...orders.map((order) => [order.number, order.status, order.customerEmail, order.totalCents]),
        ]);
      }
      return HttpResponse.json(
        pageOf(
          orders.map(({ timeline: _timeline, ...summary }) => summary),
          params,
        ),
      );
    }),
  ),

  // Before /admin/orders/:id, which would take `status-counts` for an id.
  http.get(
    `${TEST_API}/admin/orders/status-counts`,
    admin(() => {
      const items = ORDER_STATUSES.map((status) => ({
        status,
        count: adminFake.orders.filter((order) => order.status === status).length,
      }));
      return HttpResponse.json({ items, page: 1, pageSize: items.length, total: items.length });
    }),
  ),

  http.get(
    `${TEST_API}/admin/orders/:id`,
    admin(({ params }) => {
      const order = findOrder(params.id);
      return order ? HttpResponse.json(order) : orderNotFound();
    }),
  ),

  http.post(
    `${TEST_API}/admin/orders/:id/ship`,
    admin(async ({ request, params }) => {
      const order = findOrder(params.id);
      if (!order) return orderNotFound();
      if (!canShip(order)) {
        return problem(
          409,
          'Conflict',
          `Only a paid order not shipped yet can be shipped (this one is ${order.status})`,
        );
      }
      const { carrier, trackingNumber } = (await request.json()) as {
        carrier: string;
        trackingNumber: string;
      };
      const at = changeOrder(order, 'shipped', { carrier, trackingNumber });
      order.shippedAt = at;
      return HttpResponse.json(order);
    }),
  ),

  http.post(
    `${TEST_API}/admin/orders/:id/complete`,
    admin(({ params }) => {
      const order = findOrder(params.id);
      if (!order) return orderNotFound();
      if (!canComplete(order)) {
        return problem(
          409,
          'Conflict',
          `Only a shipped order not completed yet can be completed (this one is ${order.status})`,
        );
      }
      order.completedAt = changeOrder(order, 'completed', {});
      return HttpResponse.json(order);
    }),
  ),

  http.post(
    `${TEST_API}/admin/orders/:id/refund`,
    admin(async ({ request, params }) => {
      const order = findOrder(params.id);
      if (!order) return orderNotFound();
      adminFake.refundKeys.push(request.headers.get('idempotency-key'));
      const body = (await request.json()) as { amountCents?: number; reason: string };
      const remaining = order.totalCents - order.refundedCents;
      const amountCents = body.amountCents ?? remaining;
      if (amountCents <= 0 || amountCents > remaining) {
        return HttpResponse.json<RefundExceedsProblem>(
          {
            type: 'about:blank',
            title: 'Unprocessable Content',
            status: 422,
            detail: `At most ${formatMoney(remaining, order.currency)} can still be refunded on this order`,
            code: 'refund_exceeds_remaining',
            refundableCents: remaining,
          },
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        );
      }
      const refundedCents = order.refundedCents + amountCents;
      const at = changeOrder(
        order,
        refundedCents === order.totalCents ? 'refunded' : 'partially_refunded',
        { refundedCents },
        `Refunded ${amountCents} cents`,
      );
      order.refunds = [
        ...order.refunds,
        {
          id: uuid('7000', order.refunds.length + 1),
          amountCents,
          reason: body.reason,
          status: 'succeeded',
          createdAt: at,
        },
      ];
      return HttpResponse.json(order);
    }),
  ),

  http.get(
    `${TEST_API}/admin/reports/sales`,
    admin(({ request }) => {
      const params = new URL(request.url).searchParams;
      const report = salesReport(params.get('from') ?? '', params.get('to') ?? '');
      if (params.get('format') === 'csv') {
        return csv('sales.csv', [
          ['period', 'orders', 'revenueCents'],
          ...report.rows.map((row) => [row.period, row.orders, row.revenueCents]),
        ]);
      }
      return HttpResponse.json(report);
    }),
  ),

  http.get(
    `${TEST_API}/admin/reports/inventory`,
    admin(() => HttpResponse.json(inventoryReport())),
  ),
];
