import {
  guestOrderQuerySchema,
  orderIdParamsSchema,
  orderNumberParamsSchema,
  orderPageSchema,
  orderSchema,
  pageQuerySchema,
  problemSchema,
} from '@securecart/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.ts';
import { actorOf } from '../../lib/actor.ts';
import { orderConfirmationMail } from './order-mail.ts';
import { orderService } from './order-service.ts';
import { registerOrdersPersonalData } from './orders-personal-data.ts';

/** Guest order lookups per client IP per minute (API.md). */
export const GUEST_LOOKUP_PER_MINUTE = 20;

export const ordersRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const orders = orderService({
    db: app.db,
    clock: app.clock,
    settings: {
      taxRates: config.taxRates,
      shippingMethods: config.shippingMethods,
      encryptionKey: config.encryptionKey,
    },
    payments: app.payments,
    publicUrl: config.publicUrl,
    sendMail: (message) => app.outbox.send(message),
    confirmationMail: orderConfirmationMail,
  });
  registerOrdersPersonalData(app.personalData);

  app.get(
    '/orders/:number',
    {
      config: { rateLimit: { max: GUEST_LOOKUP_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['orders'],
        operationId: 'getGuestOrder',
        summary: 'A guest order, with the email and token from the confirmation email',
        description: 'A wrong email or token is the same 404 as an unknown number. 20 requests/min per IP.',
        params: orderNumberParamsSchema,
        querystring: guestOrderQuerySchema,
        response: { 200: orderSchema, 400: problemSchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request) => orders.getAsGuest(request.params.number, request.query.email, request.query.token),
  );

  app.post(
    '/orders/:number/claim',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['orders'],
        operationId: 'claimGuestOrder',
        summary: 'Attach a guest order to the signed-in account',
        description:
          'Allowed when the account’s VERIFIED email equals the email the guest order was placed with ' +
          '(403 `email_not_verified` before verification); any other order is a 404. Idempotent.',
        params: orderNumberParamsSchema,
        response: {
          200: orderSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const actor = actorOf(app, request);
      return orders.claim(actor.userId, request.params.number, (action, fields, tx) =>
        actor.audit(action, fields, tx),
      );
    },
  );

  app.get(
    '/me/orders',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['account', 'orders'],
        operationId: 'listMyOrders',
        summary: 'The signed-in user’s orders, newest first',
        querystring: pageQuerySchema,
        response: { 200: orderPageSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => orders.listMine(request.user.id, request.query.page, request.query.pageSize),
  );

  app.get(
    '/me/orders/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['account', 'orders'],
        operationId: 'getMyOrder',
        summary: 'One of the signed-in user’s orders, with its timeline',
        description: 'Another user’s order is a 404.',
        params: orderIdParamsSchema,
        response: { 200: orderSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => orders.getMine(request.user.id, request.params.id),
  );
};
