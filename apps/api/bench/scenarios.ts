import { BENCH_ADMIN } from './app-config.ts';
import type { LoadRequest } from './load.ts';
import {
  type BenchContext,
  type BenchProduct,
  benchProducts,
  oversellCheck,
  prepareDrafts,
  type StockAccount,
  stockAccount,
} from './orders.ts';
import { BENCH_SHOPPERS, benchShopperEmail } from './seed.ts';
import type { ServerName } from './servers/index.ts';

export interface Scenario {
  id: string;
  title: string;
  server: ServerName;
  /** The one status that counts as success (304 for revalidation). */
  expectStatus: number;
  /**
   * Builds the request to hammer; may talk to the server first (fetch an ETag, log in, …) or
   * prepare state in the bench database (checkout drafts).
   */
  request(baseUrl: string, bench: BenchContext): Promise<LoadRequest>;
  /** After the load: checks what it did to the data (no oversell); a failed check fails the run. */
  verify?(bench: BenchContext): Promise<{ ok: boolean; text: string }>;
  /** Inspects one parsed 2xx body before load, so a broken route is never benchmarked. */
  check?(body: unknown): string | undefined;
  /** A scenario whose body this one must equal, so a reference stays a fair comparison. */
  sameBodyAs?: string;
  /** Overrides BENCH_CONNECTIONS (logins are measured at 10). */
  connections?: number;
}

export type Goal =
  | { kind: 'ratio'; label: string; numerator: string; denominator: string; atLeast: number }
  | { kind: 'p99'; label: string; scenario: string; belowMs: number }
  | { kind: 'rate'; label: string; scenario: string; atLeast: number };

const LIST = '/api/v1/products?pageSize=20';

function productPage(expectedItems: number | 'some') {
  return (body: unknown) => {
    const page = body as { items?: unknown[]; total?: number };
    if (!Array.isArray(page.items) || typeof page.total !== 'number') return 'not a { items, total } page';
    const count = page.items.length;
    if (expectedItems === 'some' ? count === 0 : count !== expectedItems) return `${count} items`;
    return undefined;
  };
}

async function etagOf(url: string): Promise<string> {
  const response = await fetch(url);
  const etag = response.headers.get('etag');
  if (response.status !== 200 || !etag) throw new Error(`no ETag from ${url} (status ${response.status})`);
  return etag;
}

async function adminToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...BENCH_ADMIN, client: 'api' }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken)
    throw new Error(`admin login failed (${response.status})`);
  return body.accessToken;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The last 90 days (inclusive), where the seeded orders are densest. */
const SALES_90_DAYS = () =>
  `/api/v1/admin/reports/sales?from=${isoDay(Date.now() - 89 * DAY_MS)}&to=${isoDay(Date.now())}&groupBy=day`;

function salesReport(body: unknown) {
  const report = body as { rows?: { orders: number }[]; totals?: { orders: number } };
  if (!Array.isArray(report.rows) || report.rows.length !== 90) return `${report.rows?.length} rows`;
  if (!report.totals || report.totals.orders === 0) return 'no orders in the range';
  return undefined;
}

// Each login is another shopper from another client IP (the bench app trusts X-Forwarded-For), as
// real traffic is: the per-IP limit (10/min) and the per-account in-flight attempt reservation
// (at most 5 at once) are protections, not what this scenario measures.
let loginCounter = 0;
const nextLogin = () => {
  loginCounter = (loginCounter + 1) % 65_000;
  return {
    headers: { 'x-forwarded-for': `198.18.${loginCounter >> 8}.${loginCounter & 255}` },
    body: JSON.stringify({
      email: benchShopperEmail(loginCounter % BENCH_SHOPPERS.count),
      password: BENCH_SHOPPERS.password,
      client: 'api',
    }),
  };
};

/** Concurrent buyers in the order scenarios (the "20 concurrent buyers"). */
const BUYERS = 20;
/** Orders per second no run reaches (the bare transaction makes ~1,200 spread): drafts to prepare. */
const MAX_ORDER_RATE = { spread: 1_200, hot: 600 } as const;
type OrderKind = keyof typeof MAX_ORDER_RATE;

/** Every order of a kind sells one unit: cycling over the 1,000 products, or the one hot product. */
function productFor(kind: OrderKind, products: { spread: BenchProduct[]; hot: BenchProduct }) {
  return (index: number) =>
    kind === 'hot' ? products.hot : products.spread[index % products.spread.length]!;
}

/**
 * An order scenario against `server` selling `kind` products; `orders` builds the request to send
 * given those products. Stock and order lines are counted before and after: no oversell.
 */
function orderScenario(
  kind: OrderKind,
  scenario: Omit<Scenario, 'request' | 'verify' | 'expectStatus' | 'connections'>,
  orders: (productOf: (index: number) => BenchProduct, bench: BenchContext) => Promise<LoadRequest>,
): Scenario {
  let productIds: string[] = [];
  let before: StockAccount | undefined;
  return {
    ...scenario,
    expectStatus: 201,
    connections: BUYERS,
    async request(_baseUrl, bench) {
      const products = await benchProducts(bench.databaseUrl);
      productIds = kind === 'hot' ? [products.hot.id] : products.spread.map((p) => p.id);
      const request = await orders(productFor(kind, products), bench);
      before = await stockAccount(bench.databaseUrl, productIds);
      return request;
    },
    async verify(bench) {
      return oversellCheck(before!, await stockAccount(bench.databaseUrl, productIds));
    },
  };
}

/** The bare transaction of the same shape on raw pg (`servers/raw-pg.ts`): the reference. */
const referenceOrders = (kind: OrderKind) =>
  orderScenario(
    kind,
    {
      id: `raw-pg-order-${kind}`,
      title: `raw pg order transaction, ${kind === 'hot' ? 'one hot product' : '1,000 products'}, ${BUYERS} buyers (reference)`,
      server: 'raw-pg',
      check: (body) => (typeof (body as { id?: unknown }).id === 'string' ? undefined : 'no order id'),
    },
    async (productOf) => {
      let next = 0;
      const order = () => {
        const product = productOf(next++);
        return { body: JSON.stringify({ productId: product.id, priceCents: product.priceCents }) };
      };
      return {
        path: '/orders',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        ...order(),
        perRequest: order,
      };
    },
  );

const GOOD_CARD = { cardNumber: '4242424242424242' };

/** `POST /checkout/:id/complete` on drafts prepared at the review step, one per order. */
const placeOrders = (kind: OrderKind) =>
  orderScenario(
    kind,
    {
      id: `app-place-order-${kind}`,
      title: `app place order (checkout complete), ${kind === 'hot' ? 'one hot product' : '1,000 products'}, ${BUYERS} buyers`,
      server: 'app',
      check: (body) =>
        typeof (body as { order?: { id?: unknown } }).order?.id === 'string' ? undefined : 'no order',
    },
    async (productOf, bench) => {
      const count = Math.ceil(MAX_ORDER_RATE[kind] * (bench.loadSeconds + 1));
      const drafts = await prepareDrafts(bench, productOf, count);
      let next = 0;
      // Past the last draft the requests (new keys, so no replay) answer 409 and count as failed.
      const order = () => {
        const draft = drafts[Math.min(next, drafts.length - 1)]!;
        return {
          path: `/api/v1/checkout/${draft.id}/complete`,
          headers: { 'x-cart-token': draft.cartToken, 'idempotency-key': `bench-order-${next++}` },
        };
      };
      const first = order();
      return {
        method: 'POST',
        path: first.path,
        headers: { 'content-type': 'application/json', ...first.headers },
        body: JSON.stringify(GOOD_CARD),
        perRequest: order,
      };
    },
  );

/** Guest carts the add-to-cart scenario spreads its requests over. */
const GUEST_CARTS = 500;

async function guestCartTokens(baseUrl: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < GUEST_CARTS; i++) {
    const response = await fetch(`${baseUrl}/api/v1/cart`, { method: 'POST' });
    const body = (await response.json()) as { cartToken?: string };
    if (response.status !== 201 || !body.cartToken) throw new Error(`no guest cart (${response.status})`);
    tokens.push(body.cartToken);
  }
  return tokens;
}

/** Run in this order, one at a time. */
export const scenarios: Scenario[] = [
  {
    id: 'bare',
    title: 'bare Fastify, fixed JSON (ceiling)',
    server: 'bare',
    expectStatus: 200,
    request: async () => ({ path: '/' }),
  },
  {
    id: 'raw-pg',
    title: 'Fastify + raw pg, product list (floor)',
    server: 'raw-pg',
    expectStatus: 200,
    request: async () => ({ path: '/products?pageSize=20' }),
    check: productPage(20),
  },
  {
    id: 'app-list',
    title: `app ${LIST}`,
    server: 'app',
    expectStatus: 200,
    request: async () => ({ path: LIST }),
    check: productPage(20),
    sameBodyAs: 'raw-pg',
  },
  {
    id: 'app-search',
    title: `app ${LIST}&q=steel`,
    server: 'app',
    expectStatus: 200,
    request: async () => ({ path: `${LIST}&q=steel` }),
    check: productPage('some'),
  },
  {
    id: 'app-etag',
    title: `app ${LIST} If-None-Match (304)`,
    server: 'app',
    expectStatus: 304,
    request: async (baseUrl) => ({
      path: LIST,
      headers: { 'if-none-match': await etagOf(`${baseUrl}${LIST}`) },
    }),
  },
  {
    id: 'app-sales-report',
    title: 'app admin sales report, 90 days daily (100,000 orders)',
    server: 'app',
    expectStatus: 200,
    request: async (baseUrl) => ({
      path: SALES_90_DAYS(),
      headers: { authorization: `Bearer ${await adminToken(baseUrl)}` },
    }),
    check: salesReport,
  },
  {
    id: 'app-sales-report-csv',
    title: 'app admin sales report CSV, 90 days daily (100,000 orders)',
    server: 'app',
    expectStatus: 200,
    request: async (baseUrl) => ({
      path: `${SALES_90_DAYS()}&format=csv`,
      headers: { authorization: `Bearer ${await adminToken(baseUrl)}` },
    }),
    check: (body) =>
      typeof body === 'string' && body.startsWith('period,orders,revenueCents\r\n')
        ? undefined
        : 'not the CSV',
  },
  {
    id: 'app-login',
    title: 'app POST /api/v1/auth/login (argon2id), 10 connections',
    server: 'app',
    expectStatus: 200,
    connections: 10,
    request: async () => ({
      path: '/api/v1/auth/login',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: nextLogin().body,
      perRequest: nextLogin,
    }),
    check: (body) =>
      typeof (body as { accessToken?: unknown }).accessToken === 'string' ? undefined : 'no token',
  },
  {
    id: 'app-add-to-cart',
    title: `app POST /api/v1/cart/items (${GUEST_CARTS} guest carts, 1,000 products)`,
    server: 'app',
    expectStatus: 200,
    async request(baseUrl, bench) {
      const [{ spread }, tokens] = await Promise.all([
        benchProducts(bench.databaseUrl),
        guestCartTokens(baseUrl),
      ]);
      let next = 0;
      const add = () => ({
        headers: { 'x-cart-token': tokens[next++ % tokens.length]! },
        body: JSON.stringify({
          productId: spread[Math.floor(Math.random() * spread.length)]!.id,
          quantity: 1,
        }),
      });
      const first = add();
      return {
        path: '/api/v1/cart/items',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...first.headers },
        body: first.body,
        perRequest: add,
      };
    },
    check: (body) => (Array.isArray((body as { items?: unknown }).items) ? undefined : 'not a cart'),
  },
  // After every read scenario: orders change the stock the product lists show.
  referenceOrders('spread'),
  referenceOrders('hot'),
  placeOrders('spread'),
  placeOrders('hot'),
];

export const goals: Goal[] = [
  {
    kind: 'ratio',
    label: 'app list ≥ 0.8 × raw pg',
    numerator: 'app-list',
    denominator: 'raw-pg',
    atLeast: 0.8,
  },
  { kind: 'ratio', label: 'app 304 ≥ 0.5 × bare', numerator: 'app-etag', denominator: 'bare', atLeast: 0.5 },
  { kind: 'p99', label: 'app list p99 < 50 ms', scenario: 'app-list', belowMs: 50 },
  { kind: 'p99', label: 'sales report p99 < 250 ms', scenario: 'app-sales-report', belowMs: 250 },
  { kind: 'p99', label: 'sales report CSV p99 < 250 ms', scenario: 'app-sales-report-csv', belowMs: 250 },
  { kind: 'rate', label: 'logins ≥ 45/s', scenario: 'app-login', atLeast: 45 },
  { kind: 'p99', label: 'login p99 < 1 s', scenario: 'app-login', belowMs: 1000 },
  { kind: 'p99', label: 'add-to-cart p99 < 50 ms', scenario: 'app-add-to-cart', belowMs: 50 },
  { kind: 'rate', label: 'place order ≥ 250/s spread', scenario: 'app-place-order-spread', atLeast: 250 },
  { kind: 'rate', label: 'place order ≥ 100/s hot', scenario: 'app-place-order-hot', atLeast: 100 },
  // The goals over the bare transaction it measured (250 of ~1,200/s; 100 of 300–450/s).
  {
    kind: 'ratio',
    label: 'place order spread ≥ 0.2 × bare',
    numerator: 'app-place-order-spread',
    denominator: 'raw-pg-order-spread',
    atLeast: 0.2,
  },
  {
    kind: 'ratio',
    label: 'place order hot ≥ 0.25 × bare',
    numerator: 'app-place-order-hot',
    denominator: 'raw-pg-order-hot',
    atLeast: 0.25,
  },
];
