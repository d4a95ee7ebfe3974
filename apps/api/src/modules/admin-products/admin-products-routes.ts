import {
  adminProductCreateSchema,
  adminProductListQuerySchema,
  adminProductPageSchema,
  adminProductSchema,
  adminProductUpdateSchema,
  idParamsSchema,
  problemSchema,
  stockAdjustmentSchema,
} from '@securecart/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { actorOf } from '../../lib/actor.ts';
import { adminProductsQueries } from './admin-products-queries.ts';
import { adminProductsService } from './admin-products-service.ts';
import { imageUploadRoute } from './image-upload-route.ts';

const tags = ['admin'];
const security = [{ bearerAuth: [] }];
const guarded = { 401: problemSchema, 403: problemSchema };

export const adminProductsRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const products = adminProductsService({
    queries: adminProductsQueries(app.db),
    clock: app.clock,
    invalidatePublicCache: app.invalidatePublicCache,
  });
  const all = {};
  const adminOnly = app.requireRole('admin');

  app.get(
    '/admin/products',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminListProducts',
        summary: 'All products, archived included',
        querystring: adminProductListQuerySchema,
        response: { 200: adminProductPageSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request) => products.list(request.query, all),
  );

  app.post(
    '/admin/products',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminCreateProduct',
        summary: 'Create a product (slug derived from the name, made unique)',
        body: adminProductCreateSchema,
        response: { 201: adminProductSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request, reply) => {
      const product = await products.create(request.body, all, actorOf(app, request));
      return reply.code(201).send(product);
    },
  );

  app.get(
    '/admin/products/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminGetProduct',
        summary: 'One product, archived or not',
        params: idParamsSchema,
        response: { 200: adminProductSchema, 400: problemSchema, ...guarded, 404: problemSchema },
      },
    },
    async (request) => products.get(request.params.id, all),
  );

  app.patch(
    '/admin/products/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminUpdateProduct',
        summary: 'Edit a product; setting `stock` records a stock adjustment',
        params: idParamsSchema,
        body: adminProductUpdateSchema,
        response: { 200: adminProductSchema, 400: problemSchema, ...guarded, 404: problemSchema },
      },
    },
    async (request) => products.update(request.params.id, request.body, all, actorOf(app, request)),
  );

  app.delete(
    '/admin/products/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminArchiveProduct',
        summary: 'Archive a product (kept for order history, hidden from the shop)',
        params: idParamsSchema,
        response: { 204: z.null(), 400: problemSchema, ...guarded, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await products.archive(request.params.id, all, actorOf(app, request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/admin/products/:id/stock',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminAdjustStock',
        summary: 'Add or remove stock with a reason; never below 0 (409)',
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
    async (request) => products.adjustStock(request.params.id, request.body, all, actorOf(app, request)),
  );

  await app.register(imageUploadRoute, { config, products, guard: adminOnly });
};
