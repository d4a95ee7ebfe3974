import { schema } from '@securecart/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createUser, type SignedIn, signIn } from '../../../test/auth.ts';
import { createCategory, createOrder, createProduct } from '../../../test/factories.ts';

const ctx = await useTestApp();
const db = ctx.database.handle.db;

const get = (url: string, who?: SignedIn) =>
  ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who?.auth ?? {} });

let admin: SignedIn;
let teapot: string;
let cup: string;
let categoryId: string;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  categoryId = (await createCategory(db)).id;
  teapot = (await createProduct(db, { categoryId, name: 'Teapot', priceCents: 1000 })).id;
  cup = (await createProduct(db, { categoryId, name: 'Cup', priceCents: 250 })).id;
  const a = await createUser(db, { role: 'admin' });
  admin = await signIn(ctx.app, a.user.email, a.password);

  const line = (productId: string, unitPriceCents: number, quantity = 1) => ({
    productId,
    unitPriceCents,
    quantity,
  });
  // Monday 2025-12-29 belongs to ISO week 2026-W01.
  await createOrder(db, { lines: [line(teapot, 1000)], paidAt: at('2025-12-29T00:00:00Z') });
  // Partly refunded: counts 2000 - 500.
  await createOrder(db, {
    status: 'partially_refunded',
    lines: [line(cup, 250, 4), line(teapot, 1000)],
    refundedCents: 500,
    paidAt: at('2026-01-01T12:00:00Z'),
  });
  // Cancelled: never counts.
  await createOrder(db, {
    status: 'cancelled',
    lines: [line(teapot, 9999)],
    paidAt: at('2026-01-01T13:00:00Z'),
  });
  // Not paid: never counts.
  await createOrder(db, {
    status: 'pending_payment',
    lines: [line(teapot, 777)],
    createdAt: at('2026-01-02T10:00:00Z'),
  });
  // Last second of Sunday (W01) and first second of Monday (W02).
  await createOrder(db, {
    status: 'shipped',
    lines: [line(cup, 250, 12)],
    paidAt: at('2026-01-04T23:59:59Z'),
  });
  await createOrder(db, {
    status: 'refunded',
    lines: [line(teapot, 1000, 4)],
    refundedCents: 4000,
    paidAt: at('2026-01-05T00:00:00Z'),
  });
  // Created long before, paid on the 6th: counted on the paid day.
  await createOrder(db, {
    status: 'completed',
    lines: [line(cup, 250, 2)],
    createdAt: at('2025-11-20T08:00:00Z'),
    paidAt: at('2026-01-06T09:00:00Z'),
  });
  // Just outside the range.
  await createOrder(db, { lines: [line(teapot, 1000)], paidAt: at('2026-01-08T00:00:00Z') });
  await createOrder(db, { lines: [line(teapot, 1000)], paidAt: at('2025-12-28T23:59:59Z') });
});

const RANGE = 'from=2025-12-29&to=2026-01-07';

describe('GET /admin/reports/sales', () => {
  it('groups by paid day, net of refunds, without cancelled or unpaid orders', async () => {
    const res = await get(`/admin/reports/sales?${RANGE}&groupBy=day`, admin);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows).toEqual([
      { period: '2025-12-29', orders: 1, revenueCents: 1000 },
      { period: '2025-12-30', orders: 0, revenueCents: 0 },
      { period: '2025-12-31', orders: 0, revenueCents: 0 },
      { period: '2026-01-01', orders: 1, revenueCents: 1500 },
      { period: '2026-01-02', orders: 0, revenueCents: 0 },
      { period: '2026-01-03', orders: 0, revenueCents: 0 },
      { period: '2026-01-04', orders: 1, revenueCents: 3000 },
      { period: '2026-01-05', orders: 1, revenueCents: 0 },
      { period: '2026-01-06', orders: 1, revenueCents: 500 },
      { period: '2026-01-07', orders: 0, revenueCents: 0 },
    ]);
    expect(body.totals).toEqual({ orders: 5, revenueCents: 6000 });
    expect(body.averageOrderValueCents).toBe(1200);
    expect(body.topProducts).toEqual([
      { productId: teapot, name: 'Fixture product', quantity: 6, revenueCents: 6000 },
      { productId: cup, name: 'Fixture product', quantity: 18, revenueCents: 4500 },
    ]);
  });

  it('labels ISO weeks and months', async () => {
    const weeks = (await get(`/admin/reports/sales?${RANGE}&groupBy=week`, admin)).json();
    expect(weeks.rows).toEqual([
      { period: '2026-W01', orders: 3, revenueCents: 5500 },
      { period: '2026-W02', orders: 2, revenueCents: 500 },
    ]);
    const months = (await get(`/admin/reports/sales?${RANGE}&groupBy=month`, admin)).json();
    expect(months.rows).toEqual([
      { period: '2025-12', orders: 1, revenueCents: 1000 },
      { period: '2026-01', orders: 4, revenueCents: 5000 },
    ]);
    expect(months.totals).toEqual({ orders: 5, revenueCents: 6000 });
  });

  it('answers CSV with the same rows and a total', async () => {
    const res = await get(`/admin/reports/sales?${RANGE}&groupBy=week&format=csv`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="sales-report.csv"');
    expect(res.body).toBe(
      'period,orders,revenueCents\r\n2026-W01,3,5500\r\n2026-W02,2,500\r\ntotal,5,6000\r\n',
    );
  });

  it('refuses a bad range (400)', async () => {
    for (const query of [
      'from=2026-01-02&to=2026-01-01',
      'from=2026-01-01',
      'from=2020-01-01&to=2026-01-01',
      'from=x&to=y',
    ]) {
      const res = await get(`/admin/reports/sales?${query}`, admin);
      expect(res.statusCode, query).toBe(400);
    }
  });
});

describe('GET /admin/reports/inventory', () => {
  it('lists low stock first with stock value, and neutralises formulas in the CSV', async () => {
    await createProduct(db, {
      categoryId,
      name: '=HYPERLINK("http://evil.test","x")',
      stock: 0,
      priceCents: 500,
    });
    await createProduct(db, { categoryId, name: '+cmd, "quoted"\nnext', stock: 1, priceCents: 300 });
    await createProduct(db, { categoryId, name: '@SUM(A1)', stock: 2, priceCents: 100 });
    await createProduct(db, { categoryId, name: '-2+3', stock: 3, priceCents: 100 });
    const res = await get('/admin/reports/inventory', admin);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const stocks = body.rows.map((r: { stock: number }) => r.stock);
    expect(stocks).toEqual([...stocks].sort((a, b) => a - b));
    expect(body.rows[0]).toMatchObject({ stock: 0, stockValueCents: 0, lowStock: true });
    const teapotRow = body.rows.find((r: { productId: string }) => r.productId === teapot);
    expect(teapotRow).toMatchObject({
      stock: 10,
      priceCents: 1000,
      stockValueCents: 10_000,
      lowStock: false,
    });
    expect(body.totals.products).toBe(body.rows.length);

    const csv = await get('/admin/reports/inventory?format=csv', admin);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="inventory-report.csv"');
    expect(csv.body).toContain(`,"'=HYPERLINK(""http://evil.test"",""x"")",`);
    expect(csv.body).toContain(`,"'+cmd, ""quoted""\nnext",`);
    expect(csv.body).toContain(`,'@SUM(A1),`);
    expect(csv.body).toContain(`,'-2+3,`);
    expect(csv.body).not.toMatch(/(^|,)[=+@]/m);
  });
});

describe('GET /admin/reports/users', () => {
  it('counts sign-ups, active users, logins, failed logins and lockouts by period', async () => {
    const made = await db
      .insert(schema.users)
      .values(
        ['a', 'b'].map((n) => ({
          email: `report-${n}-${Date.now()}@example.test`,
          name: n,
          createdAt: at('2024-03-01T10:00:00Z'),
        })),
      )
      .returning();
    await db.insert(schema.sessions).values([
      {
        userId: made[0]!.id,
        createdAt: at('2024-03-01T10:00:00Z'),
        lastUsedAt: at('2024-03-02T10:00:00Z'),
        expiresAt: at('2024-04-01T00:00:00Z'),
      },
      {
        userId: made[0]!.id,
        createdAt: at('2024-03-02T11:00:00Z'),
        lastUsedAt: at('2024-03-02T11:00:00Z'),
        expiresAt: at('2024-04-01T00:00:00Z'),
      },
      {
        userId: made[1]!.id,
        createdAt: at('2024-03-02T12:00:00Z'),
        lastUsedAt: at('2024-03-02T12:00:00Z'),
        expiresAt: at('2024-04-01T00:00:00Z'),
      },
    ]);
    await db.insert(schema.auditLog).values([
      { action: 'auth.login.succeeded', at: at('2024-03-01T10:00:00Z') },
      { action: 'auth.login.succeeded', at: at('2024-03-02T11:00:00Z') },
      { action: 'auth.login.failed', at: at('2024-03-02T09:00:00Z') },
      { action: 'auth.login.failed', at: at('2024-03-02T09:01:00Z') },
      { action: 'auth.locked', at: at('2024-03-02T09:02:00Z') },
    ]);
    const res = await get('/admin/reports/users?from=2024-03-01&to=2024-03-02', admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      rows: [
        { period: '2024-03-01', signUps: 2, activeUsers: 1, logins: 1, failedLogins: 0, lockouts: 0 },
        { period: '2024-03-02', signUps: 0, activeUsers: 2, logins: 1, failedLogins: 2, lockouts: 1 },
      ],
      totals: { signUps: 2, activeUsers: 2, logins: 2, failedLogins: 2, lockouts: 1 },
    });
    const csv = await get(
      '/admin/reports/users?from=2024-03-01&to=2024-03-02&groupBy=month&format=csv',
      admin,
    );
    expect(csv.body).toBe(
      'period,signUps,activeUsers,logins,failedLogins,lockouts\r\n2024-03,2,2,2,2,1\r\ntotal,2,2,2,2,1\r\n',
    );
  });
});

describe('GET /admin/reports/abandonment', () => {
  it('counts checkouts started, completed, abandoned and recovered', async () => {
    const day = at('2024-05-10T10:00:00Z');
    await db.insert(schema.checkouts).values([
      { guestEmail: 'a@example.test', createdAt: day, status: 'open' },
      { guestEmail: 'b@example.test', createdAt: day, status: 'completed', completedAt: day },
      { guestEmail: 'c@example.test', createdAt: day, status: 'abandoned', abandonedAt: day },
      {
        guestEmail: 'd@example.test',
        createdAt: day,
        status: 'completed',
        abandonedAt: day,
        recovered: true,
      },
      { guestEmail: 'e@example.test', createdAt: at('2024-06-01T00:00:00Z'), status: 'open' },
    ]);
    const res = await get('/admin/reports/abandonment?from=2024-05-01&to=2024-05-31&groupBy=month', admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      rows: [{ period: '2024-05', started: 4, completed: 2, abandoned: 2, recovered: 1 }],
      totals: { started: 4, completed: 2, abandoned: 2, recovered: 1 },
    });
    const csv = await get(
      '/admin/reports/abandonment?from=2024-05-01&to=2024-05-31&groupBy=month&format=csv',
      admin,
    );
    expect(csv.headers['content-disposition']).toBe('attachment; filename="abandonment-report.csv"');
  });
});
