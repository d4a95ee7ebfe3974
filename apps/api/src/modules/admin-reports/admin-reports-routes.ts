import {
  abandonmentReportSchema,
  inventoryReportQuerySchema,
  inventoryReportSchema,
  problemSchema,
  reportRangeQuerySchema,
  salesReportSchema,
  usersReportSchema,
} from '@securecart/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCsv, toCsv } from '../../lib/csv.ts';
import { adminReportsQueries } from './admin-reports-queries.ts';

const tags = ['admin', 'reports'];
const security = [{ bearerAuth: [] }];
const guarded = { 401: problemSchema, 403: problemSchema };
const CSV_NOTE = ' `format=csv` answers the same rows (and a `total` row) as a `text/csv` attachment.';

/** Admin reports; each aggregates in PostgreSQL and answers JSON or, with `format=csv`, a CSV file. */
export const adminReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const adminOnly = app.requireRole('admin');
  const reports = adminReportsQueries(app.db);

  app.get(
    '/admin/reports/sales',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminSalesReport',
        summary: 'Orders and revenue by day, ISO week or month of payment',
        description:
          'Revenue is each order’s `totalCents` (tax and shipping included) net of its refunds, counted on the ' +
          'UTC day it was paid; cancelled orders never count. `averageOrderValueCents` = revenue / orders; ' +
          '`topProducts`: the 10 products with the highest line totals in the range.' +
          CSV_NOTE,
        querystring: reportRangeQuerySchema,
        response: { 200: salesReportSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request, reply) => {
      // The CSV holds the period rows only; JSON also fetches the top products, concurrently.
      const wantsCsv = request.query.format === 'csv';
      const [rows, topProducts] = await Promise.all([
        reports.sales(request.query),
        wantsCsv ? [] : reports.topProducts(request.query),
      ]);
      const totals = {
        orders: rows.reduce((sum, row) => sum + row.orders, 0),
        revenueCents: rows.reduce((sum, row) => sum + row.revenueCents, 0),
      };
      if (wantsCsv) {
        const csv = toCsv(
          ['period', 'orders', 'revenueCents'],
          [
            ...rows.map((r) => [r.period, r.orders, r.revenueCents]),
            ['total', totals.orders, totals.revenueCents],
          ],
        );
        return sendCsv(reply, 'sales-report.csv', csv);
      }
      const averageOrderValueCents =
        totals.orders === 0 ? 0 : Math.round(totals.revenueCents / totals.orders);
      return { rows, totals, averageOrderValueCents, topProducts };
    },
  );

  app.get(
    '/admin/reports/inventory',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminInventoryReport',
        summary: 'Every product, lowest stock first, with its stock value (stock × price)',
        description:
          'Not paged: `rows` (active products; `includeArchived=true` adds archived) and `totals`. `lowStock` ' +
          'marks stock at or under `lowStockThreshold` (default 5).' +
          CSV_NOTE,
        querystring: inventoryReportQuerySchema,
        response: { 200: inventoryReportSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request, reply) => {
      const report = await reports.inventory(request.query);
      if (request.query.format !== 'csv') return report;
      const csv = toCsv(
        ['productId', 'name', 'sellerId', 'active', 'stock', 'priceCents', 'stockValueCents', 'lowStock'],
        [
          ...report.rows.map((r) => [
            r.productId,
            r.name,
            r.sellerId,
            r.active,
            r.stock,
            r.priceCents,
            r.stockValueCents,
            r.lowStock,
          ]),
          [
            'total',
            null,
            null,
            null,
            report.totals.units,
            null,
            report.totals.stockValueCents,
            report.totals.lowStock,
          ],
        ],
      );
      return sendCsv(reply, 'inventory-report.csv', csv);
    },
  );

  app.get(
    '/admin/reports/users',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminUsersReport',
        summary: 'Sign-ups, active users, logins, failed logins and lockouts by period',
        description:
          '`activeUsers`: distinct users with a session created or used in the period (the total counts each ' +
          'user once); logins, failed logins and lockouts come from the audit log.' +
          CSV_NOTE,
        querystring: reportRangeQuerySchema,
        response: { 200: usersReportSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request, reply) => {
      const report = await reports.users(request.query);
      if (request.query.format !== 'csv') return report;
      const t = report.totals;
      const csv = toCsv(
        ['period', 'signUps', 'activeUsers', 'logins', 'failedLogins', 'lockouts'],
        [
          ...report.rows.map((r) => [
            r.period,
            r.signUps,
            r.activeUsers,
            r.logins,
            r.failedLogins,
            r.lockouts,
          ]),
          ['total', t.signUps, t.activeUsers, t.logins, t.failedLogins, t.lockouts],
        ],
      );
      return sendCsv(reply, 'users-report.csv', csv);
    },
  );

  app.get(
    '/admin/reports/abandonment',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminAbandonmentReport',
        summary: 'Checkouts started, completed, abandoned and recovered, by the period they started in',
        description:
          '`abandoned` counts drafts ever marked abandoned (recovered ones included); `recovered` those completed ' +
          'after being marked abandoned.' +
          CSV_NOTE,
        querystring: reportRangeQuerySchema,
        response: { 200: abandonmentReportSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request, reply) => {
      const report = await reports.abandonment(request.query);
      if (request.query.format !== 'csv') return report;
      const t = report.totals;
      const csv = toCsv(
        ['period', 'started', 'completed', 'abandoned', 'recovered'],
        [
          ...report.rows.map((r) => [r.period, r.started, r.completed, r.abandoned, r.recovered]),
          ['total', t.started, t.completed, t.abandoned, t.recovered],
        ],
      );
      return sendCsv(reply, 'abandonment-report.csv', csv);
    },
  );
};
