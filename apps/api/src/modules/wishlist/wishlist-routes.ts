import {
  addWishlistItemSchema,
  pageQuerySchema,
  problemSchema,
  productPageSchema,
  productSchema,
  wishlistItemParamsSchema,
  wishlistStatusSchema,
} from '@securecart/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerWishlistPersonalData } from './wishlist-personal-data.ts';
import { wishlistQueries } from './wishlist-queries.ts';
import { wishlistService } from './wishlist-service.ts';

export const wishlistRoutes: FastifyPluginAsyncZod = async (app) => {
  const wishlist = wishlistService(wishlistQueries(app.db), app.clock);
  registerWishlistPersonalData(app.personalData);
  const signedIn = { 401: problemSchema };

  app.get(
    '/me/wishlist',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['wishlist'],
        operationId: 'listWishlist',
        summary: 'The signed-in user’s wishlist, newest first, as catalog products',
        description: 'Archived products are left out until they are sold again.',
        security: [{ bearerAuth: [] }],
        querystring: pageQuerySchema,
        response: { 200: productPageSchema, 400: problemSchema, ...signedIn },
      },
    },
    async (request) => wishlist.list(request.user.id, request.query.page, request.query.pageSize),
  );

  app.get(
    '/me/wishlist/:productId',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['wishlist'],
        operationId: 'getWishlistStatus',
        summary: 'Whether one product is on the signed-in user’s wishlist',
        description:
          'Always 200 `{ productId, saved }` for a valid id: `saved` is false when the product is not ' +
          'on the caller’s own wishlist, including unknown and archived products (as the list leaves ' +
          'those out). Only the caller’s list is ever consulted.',
        security: [{ bearerAuth: [] }],
        params: wishlistItemParamsSchema,
        response: { 200: wishlistStatusSchema, 400: problemSchema, ...signedIn },
      },
    },
    async (request) => wishlist.status(request.user.id, request.params.productId),
  );

  app.post(
    '/me/wishlist',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['wishlist'],
        operationId: 'addWishlistItem',
        summary: 'Add a product to the wishlist',
        description:
          'Idempotent: 201 with the product when it was added, 200 with the product when it was ' +
          'already on the list (still one entry). 404 for an unknown or archived product.',
        security: [{ bearerAuth: [] }],
        body: addWishlistItemSchema,
        response: {
          200: productSchema,
          201: productSchema,
          400: problemSchema,
          ...signedIn,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { created, product } = await wishlist.add(request.user.id, request.body.productId);
      return reply.code(created ? 201 : 200).send(product);
    },
  );

  app.delete(
    '/me/wishlist/:productId',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['wishlist'],
        operationId: 'removeWishlistItem',
        summary: 'Remove a product from the wishlist (204 also when it was not there)',
        security: [{ bearerAuth: [] }],
        params: wishlistItemParamsSchema,
        response: { 204: z.null().describe('Removed'), 400: problemSchema, ...signedIn },
      },
    },
    async (request, reply) => {
      await wishlist.remove(request.user.id, request.params.productId);
      return reply.code(204).send(null);
    },
  );
};
