import {
  addressInputSchema,
  addressPageSchema,
  addressParamsSchema,
  addressPatchSchema,
  addressSchema,
  pageQuerySchema,
  problemSchema,
} from '@securecart/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addressQueries } from './address-queries.ts';
import { addressService } from './address-service.ts';

/** `/me/addresses`: only ever the signed-in user's own; anyone else's id answers 404. */
export const addressRoutes: FastifyPluginAsyncZod = async (app) => {
  const addresses = addressService(addressQueries(app.db), app.clock);
  const tags = ['account'];
  const security = [{ bearerAuth: [] }];
  const signedIn = { onRequest: app.authenticate };

  app.get(
    '/me/addresses',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        operationId: 'listAddresses',
        summary: 'Saved addresses, the default first',
        querystring: pageQuerySchema,
        response: { 200: addressPageSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => addresses.list(request.user.id, request.query.page, request.query.pageSize),
  );

  app.post(
    '/me/addresses',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        operationId: 'createAddress',
        summary: 'Save an address; the first one (or one sent with isDefault) becomes the default',
        body: addressInputSchema,
        response: { 201: addressSchema, 400: problemSchema, 401: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await addresses.create(request.user.id, request.body)),
  );

  app.patch(
    '/me/addresses/:id',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        operationId: 'updateAddress',
        summary: 'Change an address; isDefault: true moves the default here',
        params: addressParamsSchema,
        body: addressPatchSchema,
        response: { 200: addressSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => addresses.update(request.user.id, request.params.id, request.body),
  );

  app.delete(
    '/me/addresses/:id',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        operationId: 'deleteAddress',
        summary: 'Delete an address; if it was the default, the newest remaining one takes over',
        params: addressParamsSchema,
        response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await addresses.remove(request.user.id, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
