import {
  categoryPageSchema,
  pageQuerySchema,
  problemSchema,
  productListQuerySchema,
  productPageSchema,
  productParamsSchema,
  productSchema,
} from '@securecart/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { catalogQueries } from './catalog-queries.ts';
import { catalogService } from './catalog-service.ts';

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const catalog = catalogService(catalogQueries(app.db));
  const publicRead = { publicCache: true };

  app.get(
    '/products',
    {
      config: publicRead,
      schema: {
        tags: ['catalog'],
        operationId: 'listProducts',
        summary: 'Search and filter the catalog',
        querystring: productListQuerySchema,
        response: { 200: productPageSchema, 400: problemSchema },
      },
    },
    async (request) => catalog.listProducts(request.query),
  );

  app.get(
    '/products/:idOrSlug',
    {
      config: publicRead,
      schema: {
        tags: ['catalog'],
        operationId: 'getProduct',
        summary: 'One active product by id or slug',
        params: productParamsSchema,
        response: { 200: productSchema, 404: problemSchema },
      },
    },
    async (request) => catalog.getProduct(request.params.idOrSlug),
  );

  app.get(
    '/categories',
    {
      config: publicRead,
      schema: {
        tags: ['catalog'],
        operationId: 'listCategories',
        summary: 'Categories with the number of active products in each',
        querystring: pageQuerySchema,
        response: { 200: categoryPageSchema, 400: problemSchema },
      },
    },
    async (request) => catalog.listCategories(request.query.page, request.query.pageSize),
  );
};
