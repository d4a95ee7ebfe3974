import {
  CART_TOKEN_HEADER,
  cartChangedProblemSchema,
  cartHeadersSchema,
  checkoutAddressBodySchema,
  checkoutParamsSchema,
  checkoutResumedSchema,
  checkoutSchema,
  checkoutShippingBodySchema,
  completeCheckoutBodySchema,
  currentCheckoutSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyHeadersSchema,
  orderPlacedSchema,
  pageQuerySchema,
  paymentStartedSchema,
  problemSchema,
  resumeCheckoutBodySchema,
  shippingOptionPageSchema,
  startCheckoutBodySchema,
} from '@securecart/contract';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { unauthorized } from '../../lib/errors.ts';
import type { CartOwner } from '../cart/cart-service.ts';
import { orderConfirmationMail } from '../orders/order-mail.ts';
import { orderService } from '../orders/order-service.ts';
import { TOTALS_RULE } from '../pricing/pricing.ts';
import { type AuditFn, checkoutService } from './checkout-service.ts';

const OWNER_RULE =
  'Signed in (Bearer): the user’s own drafts, from any device. Guest: drafts of the `X-Cart-Token` cart. ' +
  'Another user’s or another cart’s draft is a 404. With REQUIRE_LOGIN guests get 401.';
const STEP_RULE =
  'Steps run address → shipping → payment → review → complete. Calling a later step before its ' +
  'predecessors is a 409 `checkout_step_out_of_order`; going back to an earlier step is allowed and ' +
  'clears the later ones. Every step saves the draft and recomputes its summary from live prices ' +
  `(client-sent prices are ignored). ${TOTALS_RULE}`;

const guarded = { 401: problemSchema, 404: problemSchema };

export const checkoutRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const settings = {
    taxRates: config.taxRates,
    shippingMethods: config.shippingMethods,
    encryptionKey: config.encryptionKey,
  };
  const checkouts = checkoutService({ db: app.db, clock: app.clock, settings, payments: app.payments });
  const orders = orderService({
    db: app.db,
    clock: app.clock,
    settings,
    payments: app.payments,
    publicUrl: config.publicUrl,
    sendMail: (message) => app.outbox.send(message),
    confirmationMail: orderConfirmationMail,
  });

  const membersOnly = async (request: FastifyRequest) => {
    if (config.requireLogin && !request.user) throw unauthorized('Sign in to check out');
  };
  const onRequest = [app.optionalAuth, membersOnly];

  const ownerOf = (request: FastifyRequest): CartOwner => {
    if (request.user) return { userId: request.user.id };
    const token = request.headers[CART_TOKEN_HEADER];
    return { cartToken: typeof token === 'string' ? token : undefined };
  };
  const auditFor =
    (request: FastifyRequest): AuditFn =>
    (action, fields, tx) =>
      app.audit(request, action, fields, tx);

  app.post(
    '/checkout',
    {
      onRequest,
      schema: {
        tags: ['checkout'],
        operationId: 'startCheckout',
        summary: 'Start (or resume) a checkout from the current cart',
        description:
          `${OWNER_RULE} Guests must give \`email\` (else 400). An empty cart is a 422 \`cart_empty\`. ` +
          'A cart has at most one open draft: calling this again answers 201 with that same draft.',
        headers: cartHeadersSchema,
        body: startCheckoutBodySchema,
        response: { 201: checkoutSchema, 400: problemSchema, ...guarded, 422: problemSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await checkouts.start(ownerOf(request), request.body?.email, auditFor(request))),
  );

  app.post(
    '/checkout/resume',
    {
      onRequest: app.optionalAuth,
      schema: {
        tags: ['checkout'],
        operationId: 'resumeCheckout',
        summary: 'Resume an abandoned checkout from the recovery email’s link',
        description:
          'Body `{ token }` from `/checkout/resume?token=…`. Reopens the draft and answers it; guests also ' +
          'get a fresh `cartToken` for the draft’s cart (send it as `X-Cart-Token` from now on). A ' +
          'signed-in customer’s draft needs that customer signed in (401), another user gets 404. ' +
          'Unknown, expired (30 days) or completed: 404. Completing a resumed draft counts as recovered.',
        body: resumeCheckoutBodySchema,
        response: { 200: checkoutResumedSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => checkouts.resume(request.body.token, request.user?.id, auditFor(request)),
  );

  app.post(
    '/checkout/resume/opt-out',
    {
      schema: {
        tags: ['checkout'],
        operationId: 'optOutOfCheckoutRecovery',
        summary: 'No more recovery emails for this checkout (the email’s `&optOut=1` link)',
        description: 'Body `{ token }` from the recovery email. 204; an unknown token is a 404.',
        body: resumeCheckoutBodySchema,
        response: { 204: z.null(), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await checkouts.optOutOfRecovery(request.body.token, auditFor(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/checkout/current',
    {
      onRequest,
      schema: {
        tags: ['checkout'],
        operationId: 'getCurrentCheckout',
        summary: 'The caller’s open draft, if any, without starting one',
        description:
          'Signed in (Bearer): the open draft of the user’s cart, from any device. Guest: the open draft of ' +
          'the `X-Cart-Token` cart. With REQUIRE_LOGIN guests get 401. `{ checkout }` is the draft as ' +
          '`GET /checkout/{id}` answers it, the one `POST /checkout` would resume. Having no open draft ' +
          '(none yet, completed or abandoned, or no, unknown or expired cart token) is the usual case on ' +
          'a first visit, so it answers 200 `{ checkout: null }` rather than a 404, which browsers log as ' +
          'an error. The cart’s contents are not checked (`POST /checkout` refuses an empty cart). ' +
          'Read-only: no audit entry, no draft created, and the cart’s idle clock is not reset.',
        headers: cartHeadersSchema,
        response: { 200: currentCheckoutSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => ({ checkout: await checkouts.current(ownerOf(request)) }),
  );

  app.get(
    '/checkout/:id',
    {
      onRequest,
      schema: {
        tags: ['checkout'],
        operationId: 'getCheckout',
        summary: 'The draft with its live summary',
        description: `${OWNER_RULE} ${STEP_RULE}`,
        headers: cartHeadersSchema,
        params: checkoutParamsSchema,
        response: { 200: checkoutSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request) => checkouts.get(ownerOf(request), request.params.id),
  );

  app.put(
    '/checkout/:id/address',
    {
      onRequest,
      schema: {
        tags: ['checkout'],
        operationId: 'setCheckoutAddress',
        summary: 'Address step',
        description:
          `${OWNER_RULE} One of \`shippingAddress\` or \`shippingAddressId\` (a saved address of the ` +
          'signed-in user), and one of `billingAddress` or `billingSameAsShipping: true`. A country ' +
          'outside the tax table is a 422 `unsupported_country`. Stored encrypted at rest.',
        headers: cartHeadersSchema,
        params: checkoutParamsSchema,
        body: checkoutAddressBodySchema,
        response: {
          200: checkoutSchema,
          400: problemSchema,
          ...guarded,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) =>
      checkouts.setAddress(ownerOf(request), request.params.id, request.body, auditFor(request)),
  );

  app.get(
    '/checkout/:id/shipping-methods',
    {
      onRequest,
      schema: {
        tags: ['checkout'],
        operationId: 'listCheckoutShippingMethods',
        summary: 'Shipping methods eligible for the draft’s subtotal',
        description: `${OWNER_RULE} Needs the address step done (else 409).`,
        headers: cartHeadersSchema,
        params: checkoutParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: shippingOptionPageSchema, 400: problemSchema, ...guarded, 409: problemSchema },
      },
    },
    async (request) => {
      const all = await checkouts.shippingMethods(ownerOf(request), request.params.id);
      const { page, pageSize } = request.query;
      return { items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length };
    },
  );

  app.put(
    '/checkout/:id/shipping',
    {
      onRequest,
      schema: {
        tags: ['checkout'],
        operationId: 'setCheckoutShipping',
        summary: 'Shipping step',
        description: `${OWNER_RULE} 422 \`shipping_method_unavailable\` for an unknown or ineligible method.`,
        headers: cartHeadersSchema,
        params: checkoutParamsSchema,
        body: checkoutShippingBodySchema,
        response: {
          200: checkoutSchema,
          400: problemSchema,
          ...guarded,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) =>
      checkouts.setShipping(ownerOf(request), request.params.id, request.body.methodId, auditFor(request)),
  );

  app.post(
    '/checkout/:id/payment',
    {
      onRequest,
      schema: {
        tags: ['checkout'],
        operationId: 'startCheckoutPayment',
        summary: 'Payment step: starts payment with the configured provider; the draft moves to review',
        description: OWNER_RULE,
        headers: cartHeadersSchema,
        params: checkoutParamsSchema,
        response: {
          200: paymentStartedSchema,
          400: problemSchema,
          ...guarded,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => checkouts.startPayment(ownerOf(request), request.params.id, auditFor(request)),
  );

  app.post(
    '/checkout/:id/complete',
    {
      onRequest,
      config: { allowTestCardNumber: config.payments.provider === 'simulated' },
      schema: {
        tags: ['checkout'],
        operationId: 'completeCheckout',
        summary: 'Place the order',
        description:
          `${OWNER_RULE} Needs the review step. Re-prices against live prices and stock: any change is a ` +
          '409 `cart_changed` listing `changes`, and nothing is charged. Simulated provider: body ' +
          '`{ cardNumber }`, 4242424242424242 succeeds, 4000000000000002 is declined (402 ' +
          '`payment_declined`; the draft stays open, stock untouched, call again). Stripe: body `{}` (a card ' +
          'number is a 400 `card_data_refused`); the PaymentIntent must have succeeded for this draft and ' +
          'amount, else 402 `payment_incomplete` / `payment_canceled` or 409 `payment_processing` / ' +
          '`payment_mismatch` (draft open, nothing placed); if the webhook placed the order first, its ' +
          'order is answered (201, one order either way). `Idempotency-Key` ' +
          '(scoped to the draft): a retry with the same key replays the first 201; a concurrent one ' +
          'waits up to 10 s for it, else 409 `idempotency_in_progress`; a failed attempt frees the key; ' +
          'the same key with another body is a 422.',
        headers: idempotencyHeadersSchema,
        params: checkoutParamsSchema,
        body: completeCheckoutBodySchema,
        response: {
          201: orderPlacedSchema,
          400: problemSchema,
          ...guarded,
          402: problemSchema,
          409: cartChangedProblemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const key = request.headers[IDEMPOTENCY_KEY_HEADER];
      const placed = await orders.complete(
        ownerOf(request),
        request.params.id,
        request.body ?? {},
        typeof key === 'string' ? key : undefined,
        (action, fields) => app.auditEntry(request, action, fields),
      );
      return reply.code(201).send(placed);
    },
  );
};
