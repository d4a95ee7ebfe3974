import {
  adminProductPageSchema,
  adminProductSchema,
  idParamsSchema,
  problemSchema,
  sellerProductCreateSchema,
  sellerProductListQuerySchema,
  sellerProductUpdateSchema,
  stockAdjustmentSchema,
} from '@securecart/contract';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { actorOf } from '../../lib/actor.ts';
import { adminProductsQueries, type ProductScope } from '../admin-products/admin-products-queries.ts';
import { adminProductsService } from '../admin-products/admin-products-service.ts';
import { imageUploadRoute } from '../admin-products/image-upload-route.ts';

const tags = ['seller'];
const security = [{ bearerAuth: [] }];
const guarded = { 401: problemSchema, 403: problemSchema };

/** A seller's own products: the admin product service, scoped to the caller. Others' are a 404. */
export const sellerProductsRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const products = adminProductsService({
    queries: adminProductsQueries(app.db),
    clock: app.clock,
    invalidatePublicCache: app.invalidatePublicCache,
  });
  const sellerOrAdmin = app.requireRole('seller', 'admin');
  const own = (request: FastifyRequest): ProductScope => ({ sellerId: request.user.id });

  app.get(
    '/seller/products',
    {
      onRequest: sellerOrAdmin,
      schema: {
        tags,
        security,
        operationId: 'sellerListProducts',
        summary: 'The caller’s own products, archived included',
        querystring: sellerProductListQuerySchema,
        response: { 200: adminProductPageSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request) => products.list(request.query, own(request)),
  );

  app.post(
    '/seller/products',
    {
      onRequest: sellerOrAdmin,
      schema: {
        tags,
        security,
        operationId: 'sellerCreateProduct',
        summary: 'Create a product owned by the caller',
        body: sellerProductCreateSchema,
        response: { 201: adminProductSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request, reply) => {
      const product = await products.create(request.body, own(request), actorOf(app, request));
      return reply.code(201).send(product);
    },
  );

  app.get(
    '/seller/products/:id',
    {
      onRequest: sellerOrAdmin,
      schema: {
        tags,
        security,
        operationId: 'sellerGetProduct',
        summary: 'One of the caller’s products (another seller’s is a 404)',
        params: idParamsSchema,
        response: { 200: adminProductSchema, 400: problemSchema, ...guarded, 404: problemSchema },
      },
    },
    async (request) => products.get(request.params.id, own(request)),
  );

  app.patch(
    '/seller/products/:id',
    {
      onRequest: sellerOrAdmin,
      schema: {
        tags,
        security,
        operationId: 'sellerUpdateProduct',
        summary: 'Edit one of the caller’s products (another seller’s is a 404)',
        params: idParamsSchema,
        body: sellerProductUpdateSchema,
        response: { 200: adminProductSchema, 400: problemSchema, ...guarded, 404: problemSchema },
      },
    },
    async (request) => products.update(request.params.id, request.body, own(request), actorOf(app, request)),
  );

  app.delete(
    '/seller/products/:id',
    {
      onRequest: sellerOrAdmin,
      schema: {
        tags,
        security,
        operationId: 'sellerArchiveProduct',
        summary: 'Archive one of the caller’s products (another seller’s is a 404)',
        params: idParamsSchema,
        response: { 204: z.null(), 400: problemSchema, ...guarded, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await products.archive(request.params.id, own(request), actorOf(app, request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/seller/products/:id/stock',
    {
      onRequest: sellerOrAdmin,
      schema: {
        tags,
        security,
        operationId: 'sellerAdjustStock',
        summary: 'Add or remove stock of an own product with a reason; never below 0 (409)',
        params: idParamsSchema,
        body: stockAdjustmentSchema,
        response: {
          200: adminProductSchema,
          400: problemSchema,
          ...guarded,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) =>
      products.adjustStock(request.params.id, request.body, own(request), actorOf(app, request)),
  );

  await app.register(imageUploadRoute, {
    config,
    products,
    guard: sellerOrAdmin,
    scopeOf: own,
    path: '/seller/products/:id/image',
    operationId: 'sellerUploadProductImage',
    tags,
  });
};
