import {
  problemSchema,
  reportRangeQuerySchema,
  sellerOrderLinePageSchema,
  sellerOrderLineParamsSchema,
  sellerOrderLineSchema,
  sellerOrderListQuerySchema,
  sellerSalesReportSchema,
  shipOrderSchema,
} from '@securecart/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import { actorOf } from '../../lib/actor.ts';
import { sendCsv, toCsv } from '../../lib/csv.ts';
import { adminReportsQueries } from '../admin-reports/admin-reports-queries.ts';
import { orderShippedMail } from '../orders/order-mail.ts';
import { sellerOrdersService } from './seller-orders-service.ts';

const tags = ['seller'];
const security = [{ bearerAuth: [] }];
const guarded = { 401: problemSchema, 403: problemSchema };

/** A seller's own order lines and sales; another seller's line is a 404. */
export const sellerOrdersRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const sellerOrAdmin = app.requireRole('seller', 'admin');
  const reports = adminReportsQueries(app.db);
  const lines = sellerOrdersService({
    db: app.db,
    clock: app.clock,
    sendMail: (message) => app.outbox.send(message),
    shippedMail: (to, order) =>
      orderShippedMail(
        to,
        order,
        order.userId ? `${config.publicUrl}/account/orders/${order.id}` : undefined,
      ),
  });

  app.get(
    '/seller/orders',
    {
      onRequest: sellerOrAdmin,
      schema: {
        tags,
        security,
        operationId: 'sellerListOrderLines',
        summary: 'Order lines of the caller’s products, newest order first',
        querystring: sellerOrderListQuerySchema,
        response: { 200: sellerOrderLinePageSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request) => lines.list(request.user.id, request.query),
  );

  app.post(
    '/seller/orders/:orderId/lines/:productId/ship',
    {
      onRequest: sellerOrAdmin,
      schema: {
        tags,
        security,
        operationId: 'sellerShipOrderLine',
        summary: 'Ship one of the caller’s lines (carrier and tracking number); emails the customer',
        description:
          'Another seller’s line → 404; an order not `paid` or a line already shipped → 409. Shipping the ' +
          'last unshipped line marks the order `shipped`.',
        params: sellerOrderLineParamsSchema,
        body: shipOrderSchema,
        response: {
          200: sellerOrderLineSchema,
          400: problemSchema,
          ...guarded,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) =>
      lines.shipLine(
        request.user.id,
        request.params.orderId,
        request.params.productId,
        request.body,
        actorOf(app, request),
      ),
  );

  app.get(
    '/seller/reports/sales',
    {
      onRequest: sellerOrAdmin,
      schema: {
        tags,
        security,
        operationId: 'sellerSalesReport',
        summary: 'The caller’s sales by day, ISO week or month of payment',
        description:
          '`orders`: paid orders holding the caller’s lines; `revenueCents`: those lines’ totals. Cancelled and ' +
          'fully refunded orders never count (a partial refund is not attributed to lines). `format=csv` → CSV.',
        querystring: reportRangeQuerySchema,
        response: { 200: sellerSalesReportSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request, reply) => {
      const rows = await reports.sellerSales(request.user.id, request.query);
      const totals = {
        orders: rows.reduce((sum, row) => sum + row.orders, 0),
        revenueCents: rows.reduce((sum, row) => sum + row.revenueCents, 0),
      };
      if (request.query.format !== 'csv') return { rows, totals };
      const csv = toCsv(
        ['period', 'orders', 'revenueCents'],
        [
          ...rows.map((r) => [r.period, r.orders, r.revenueCents]),
          ['total', totals.orders, totals.revenueCents],
        ],
      );
      return sendCsv(reply, 'seller-sales-report.csv', csv);
    },
  );
};
