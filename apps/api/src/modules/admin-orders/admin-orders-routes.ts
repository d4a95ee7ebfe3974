import {
  adminOrderListQuerySchema,
  adminOrderPageSchema,
  adminOrderSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyHeadersSchema,
  idParamsSchema,
  orderStatusCountsSchema,
  problemSchema,
  refundExceedsProblemSchema,
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
        summary: 'Orders filtered by status, number/email and created date, newest first unless sorted',
        description:
          '`q` matches an order number exactly or a customer email partly (case-insensitive); `from`/`to` ' +
          'are created dates, UTC, inclusive. `sort` orders by created date, total, number or status ' +
          '(lifecycle order), each `_asc` or `_desc`; an unknown value → 400. `format=csv` answers every ' +
          'matching order, in the same order, as a `text/csv` attachment.',
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
    '/admin/orders/status-counts',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminOrderStatusCounts',
        summary: 'How many orders there are of each status (for the dashboard)',
        description: 'Every status, zeros included, in lifecycle order; one page holds them all.',
        response: { 200: orderStatusCountsSchema, ...guarded },
      },
    },
    async () => orders.statusCounts(),
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
          'From `paid`, or from `partially_refunded` when not shipped yet (a partial refund does not stop ' +
          'fulfilment); else 409 `invalid_status`. Lines a seller already shipped keep their tracking.',
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
        description:
          'From `shipped`, or from `partially_refunded` when shipped and not completed yet (a partial refund ' +
          'after shipping does not stop fulfilment); else 409 `invalid_status`. The status becomes ' +
          '`completed`; what was refunded stays in `refundedCents`, `refunds` and the timeline.',
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
          '`amountCents` defaults to everything not refunded yet; more than that → 422 `refund_exceeds_remaining` ' +
          'with that amount in `refundableCents`. The order becomes `partially_refunded` until the whole total is ' +
          'given back (`refunded`); a partially refunded order can still be shipped and completed, which moves ' +
          'its status on. Refunds never add up to more than was paid. ' +
          'A pending, cancelled or fully refunded order → 409. With an `Idempotency-Key`, a retry with the ' +
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
          422: refundExceedsProblemSchema.or(problemSchema),
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
