import {
  addCartItemSchema,
  CART_TOKEN_HEADER,
  cartCreatedSchema,
  cartEstimateQuerySchema,
  cartHeadersSchema,
  cartItemParamsSchema,
  cartSchema,
  problemSchema,
  signedInCartSchema,
  updateCartItemSchema,
} from '@securecart/contract';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { unauthorized } from '../../lib/errors.ts';
import { TOTALS_RULE } from '../pricing/pricing.ts';
import { registerCartPersonalData } from './cart-personal-data.ts';
import { type CartOwner, cartService } from './cart-service.ts';

const OWNER_RULE =
  'Signed in (Bearer): the user’s own cart, which follows them across devices. Guest: the cart of ' +
  '`X-Cart-Token`; no token, an unknown one, or one idle for 30 days is a 404 `cart_not_found` ' +
  '(start a new cart with `POST /cart`). With REQUIRE_LOGIN guests get 401.';
const ESTIMATE_RULE =
  'Totals are an estimate: tax at the rate for `country`/`region` when given, else for a signed-in ' +
  'user’s default address, else 0; shipping at the cheapest method eligible for the subtotal. ' +
  TOTALS_RULE;

const guarded = { 401: problemSchema, 404: problemSchema };

export const cartRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const carts = cartService({ db: app.db, clock: app.clock, pricing: config });
  registerCartPersonalData(app.personalData);

  // A members-only shop (REQUIRE_LOGIN) has no guest carts: 401 before the body is even validated.
  const membersOnly = async (request: FastifyRequest) => {
    if (config.requireLogin && !request.user) throw unauthorized('Sign in to use the cart');
  };
  const onRequest = [app.optionalAuth, membersOnly];

  const ownerOf = (request: FastifyRequest): CartOwner => {
    if (request.user) return { userId: request.user.id };
    if (config.requireLogin) throw unauthorized('Sign in to use the cart');
    const token = request.headers[CART_TOKEN_HEADER];
    return { cartToken: typeof token === 'string' ? token : undefined };
  };

  app.post(
    '/cart',
    {
      onRequest,
      schema: {
        tags: ['cart'],
        operationId: 'createCart',
        summary: 'Start a guest cart',
        description:
          'Answers 201 `{ cartId, cartToken }`: keep the token and send it as `X-Cart-Token`. ' +
          'A signed-in caller already has a cart: 200 `{ cartId }`, nothing created.',
        response: { 200: signedInCartSchema, 201: cartCreatedSchema, 401: problemSchema },
      },
    },
    async (request, reply) => {
      const owner = ownerOf(request);
      if ('userId' in owner) return reply.code(200).send({ cartId: await carts.userCartId(owner.userId) });
      return reply.code(201).send(await carts.createGuestCart());
    },
  );

  app.get(
    '/cart',
    {
      onRequest,
      schema: {
        tags: ['cart'],
        operationId: 'getCart',
        summary: 'The current cart with live prices and estimated totals',
        description: `${OWNER_RULE} ${ESTIMATE_RULE}`,
        headers: cartHeadersSchema,
        querystring: cartEstimateQuerySchema,
        response: { 200: cartSchema, 400: problemSchema, ...guarded, 422: problemSchema },
      },
    },
    async (request) => carts.getCart(ownerOf(request), request.query),
  );

  app.post(
    '/cart/items',
    {
      onRequest,
      schema: {
        tags: ['cart'],
        operationId: 'addCartItem',
        summary: 'Add a product (adds to an existing line)',
        description:
          `${OWNER_RULE} The price always comes from the catalog; any price in the body is ignored. ` +
          'Quantity: an integer 1–99 (else 400). 404 `not_found`: unknown or archived product (the ' +
          'cart itself is fine). 409 `insufficient_stock`: the line would exceed the stock. 422 ' +
          `\`quantity_limit\`: the line would exceed 99. ${ESTIMATE_RULE}`,
        headers: cartHeadersSchema,
        querystring: cartEstimateQuerySchema,
        body: addCartItemSchema,
        response: { 200: cartSchema, 400: problemSchema, ...guarded, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => carts.addItem(ownerOf(request), request.body, request.query),
  );

  app.patch(
    '/cart/items/:productId',
    {
      onRequest,
      schema: {
        tags: ['cart'],
        operationId: 'updateCartItem',
        summary: 'Set a line’s quantity (0 removes it)',
        description:
          `${OWNER_RULE} 404 \`not_found\` when the product is not in the cart or no longer sold. ` +
          '409 `insufficient_stock` beyond stock.',
        headers: cartHeadersSchema,
        params: cartItemParamsSchema,
        querystring: cartEstimateQuerySchema,
        body: updateCartItemSchema,
        response: { 200: cartSchema, 400: problemSchema, ...guarded, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) =>
      carts.setQuantity(ownerOf(request), request.params.productId, request.body.quantity, request.query),
  );

  app.delete(
    '/cart/items/:productId',
    {
      onRequest,
      schema: {
        tags: ['cart'],
        operationId: 'removeCartItem',
        summary: 'Remove a line (204 also when it was not there)',
        description: OWNER_RULE,
        headers: cartHeadersSchema,
        params: cartItemParamsSchema,
        response: { 204: z.null().describe('Removed'), 400: problemSchema, ...guarded },
      },
    },
    async (request, reply) => {
      await carts.removeItem(ownerOf(request), request.params.productId);
      return reply.code(204).send(null);
    },
  );
};
