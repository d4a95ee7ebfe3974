import type { LoadRequest } from './load.ts';
import { BENCH_SHOPPERS, benchShopperEmail } from './seed.ts';
import type { ServerName } from './servers/index.ts';

export interface Scenario {
  id: string;
  title: string;
  server: ServerName;
  /** The one status that counts as success (304 for revalidation). */
  expectStatus: number;
  /** Builds the request to hammer; may talk to the server first (fetch an ETag, log in, …). */
  request(baseUrl: string): Promise<LoadRequest>;
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

/** The admin `servers/app.ts` seeds in the throw-away bench database (report scenarios sign in as it). */
export const BENCH_ADMIN = { email: 'bench-admin@example.test', password: 'Bench-Harbor-Kettle-2026' };

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

/** Run in this order, one at a time; later issues append (add-to-cart, place-order, …). */
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
];
