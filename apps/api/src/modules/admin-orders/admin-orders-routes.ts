import {
  adminOrderListQuerySchema,
  adminOrderPageSchema,
  adminOrderSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyHeadersSchema,
  idParamsSchema,
  problemSchema,
  refundOrderSchema,
  shipOrderSchema,
} from '@securecart/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import { actorOf } from '../../lib/actor.ts';
import { sendCsv, toCsv } from '../../lib/csv.ts';
import { orderShippedMail } from '../orders/order-mail.ts';
import { adminOrdersService } from './admin-orders-service.ts';

const tags = ['admin'];
const security = [{ bearerAuth: [] }];
const guarded = { 401: problemSchema, 403: problemSchema };

const CSV_HEADER = [
  'number',
  'createdAt',
  'paidAt',
  'status',
  'customerEmail',
  'totalCents',
  'refundedCents',
  'currency',
  'carrier',
  'trackingNumber',
] as const;

export const adminOrdersRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const adminOnly = app.requireRole('admin');
  const orders = adminOrdersService({
    db: app.db,
    clock: app.clock,
    payments: app.payments,
    sendMail: (message) => app.outbox.send(message),
    // Signed-in buyers get a link to their order; a guest's link needs a token only their first email had.
    shippedMail: (to, order) =>
      orderShippedMail(
        to,
        order,
        order.userId ? `${config.publicUrl}/account/orders/${order.id}` : undefined,
      ),
  });

  app.get(
    '/admin/orders',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminListOrders',
        summary: 'Orders, newest first, filtered by status, number/email and created date',
        description:
          '`q` matches an order number exactly or a customer email partly (case-insensitive); `from`/`to` ' +
          'are created dates, UTC, inclusive. `format=csv` answers every matching order as a `text/csv` attachment.',
        querystring: adminOrderListQuerySchema,
        response: { 200: adminOrderPageSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request, reply) => {
      if (request.query.format !== 'csv') return orders.list(request.query);
      const rows = await orders.exportRows(request.query);
      const csv = toCsv(
        CSV_HEADER,
        rows.map(({ order, customerEmail }) => [
          order.number,
          order.createdAt.toISOString(),
          order.paidAt?.toISOString(),
          order.status,
          customerEmail,
          order.totalCents,
          order.refundedCents,
          order.currency,
          order.carrier,
          order.trackingNumber,
        ]),
      );
      return sendCsv(reply, 'orders.csv', csv);
    },
  );

  app.get(
    '/admin/orders/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminGetOrder',
        summary: 'One order with its lines, timeline, refunds and customer email',
        params: idParamsSchema,
        response: { 200: adminOrderSchema, 400: problemSchema, ...guarded, 404: problemSchema },
      },
    },
    async (request) => orders.get(request.params.id),
  );

  app.post(
    '/admin/orders/:id/ship',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminShipOrder',
        summary: 'Mark a paid order shipped and email the customer the tracking number',
        description:
          'Only from `paid` (else 409 `invalid_status`). Lines a seller already shipped keep their tracking.',
        params: idParamsSchema,
        body: shipOrderSchema,
        response: {
          200: adminOrderSchema,
          400: problemSchema,
          ...guarded,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => orders.ship(request.params.id, request.body, actorOf(app, request)),
  );

  app.post(
    '/admin/orders/:id/complete',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminCompleteOrder',
        summary: 'Mark a shipped order completed',
        description: 'Only from `shipped` (else 409 `invalid_status`).',
        params: idParamsSchema,
        response: {
          200: adminOrderSchema,
          400: problemSchema,
          ...guarded,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => orders.complete(request.params.id, actorOf(app, request)),
  );

  app.post(
    '/admin/orders/:id/refund',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminRefundOrder',
        summary: 'Refund all or part of an order through the payment provider',
        description:
          '`amountCents` defaults to everything not refunded yet; more than that → 422 `refund_exceeds_remaining`. ' +
          'A pending, cancelled or fully refunded order → 409 / 422. With an `Idempotency-Key`, a retry with the ' +
          'same key and body returns the first answer and never refunds twice. A refusal by the provider → 502 ' +
          '`refund_failed` (recorded as a failed refund, order unchanged).',
        params: idParamsSchema,
        headers: idempotencyHeadersSchema,
        body: refundOrderSchema,
        response: {
          200: adminOrderSchema,
          400: problemSchema,
          ...guarded,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
          502: problemSchema,
        },
      },
    },
    async (request) =>
      orders.refund(
        request.params.id,
        request.body,
        request.headers[IDEMPOTENCY_KEY_HEADER] as string | undefined,
        actorOf(app, request),
      ),
  );
};
