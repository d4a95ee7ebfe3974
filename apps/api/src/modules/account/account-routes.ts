import {
  acceptedMessageSchema,
  accountExportSchema,
  changeEmailBodySchema,
  changePasswordBodySchema,
  deleteAccountBodySchema,
  problemSchema,
  profileSchema,
  updateProfileBodySchema,
} from '@securecart/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { actorOf } from '../../lib/actor.ts';
import { REAUTH_RATE_LIMIT } from '../../lib/reauthenticate.ts';
import { accountQueries } from './account-queries.ts';
import { accountService, type RevokeAllSessions } from './account-service.ts';
import { addressRoutes } from './address-routes.ts';
import { personalDataService } from './personal-data-service.ts';

const EXPORT_FILENAME = 'securecart-export.json';

/** `/me`: the signed-in user's own account, whatever their role. */
export const accountRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const queries = accountQueries(app.db);
  const revokeAllSessions: RevokeAllSessions = (userId, reason, options, tx) =>
    app.sessions.revokeAllForUser(userId, reason, options, tx);
  const account = accountService({
    queries,
    passwords: app.passwords,
    revokeAllSessions,
    outbox: app.outbox,
    clock: app.clock,
    publicUrl: config.publicUrl,
  });
  const personalData = personalDataService({
    db: app.db,
    registry: app.personalData,
    queries,
    passwords: app.passwords,
    revokeAllSessions,
    clock: app.clock,
  });
  const tags = ['account'];
  const security = [{ bearerAuth: [] }];
  const signedIn = { onRequest: app.authenticate };
  const reauth = { rateLimit: REAUTH_RATE_LIMIT };

  app.get(
    '/me',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        operationId: 'getMe',
        summary: 'The signed-in user’s profile',
        response: { 200: profileSchema, 401: problemSchema },
      },
    },
    async (request) => account.getProfile(request.user.id),
  );

  app.patch(
    '/me',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        operationId: 'updateMe',
        summary: 'Change name, phone, date of birth or preferences',
        description: 'Role, email and verification state cannot be changed here; such fields are ignored.',
        body: updateProfileBodySchema,
        response: { 200: profileSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => account.updateProfile(actorOf(app, request), request.body),
  );

  app.post(
    '/me/password',
    {
      ...signedIn,
      config: reauth,
      schema: {
        tags,
        security,
        operationId: 'changePassword',
        summary: 'Change the password; every other session is signed out',
        body: changePasswordBodySchema,
        response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      await account.changePassword(actorOf(app, request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/me/email',
    {
      ...signedIn,
      config: reauth,
      schema: {
        tags,
        security,
        operationId: 'changeEmail',
        summary: 'Ask to change the sign-in email',
        description:
          'Emails a confirmation link to the new address; the change takes effect when it is opened ' +
          '(`POST /auth/verify-email`). The answer does not reveal whether the address has an account.',
        body: changeEmailBodySchema,
        response: { 202: acceptedMessageSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      await account.requestEmailChange(actorOf(app, request), request.body);
      return reply.code(202).send({
        message: 'Check the new address for a confirmation link; nothing changes until it is used.',
      });
    },
  );

  app.get(
    '/me/export',
    {
      ...signedIn,
      schema: {
        tags,
        security,
        operationId: 'exportMyData',
        summary: 'Everything stored about the signed-in user, as a JSON download (GDPR)',
        response: { 200: accountExportSchema, 401: problemSchema },
      },
    },
    async (request, reply) => {
      const document = await personalData.exportData(request.user.id);
      return reply.header('content-disposition', `attachment; filename="${EXPORT_FILENAME}"`).send(document);
    },
  );

  app.delete(
    '/me',
    {
      ...signedIn,
      config: reauth,
      schema: {
        tags,
        security,
        operationId: 'deleteMe',
        summary: 'Erase the account: personal data removed, orders kept anonymised, all sessions ended',
        body: deleteAccountBodySchema,
        response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      await personalData.erase(actorOf(app, request), request.body.password);
      return reply.code(204).send(null);
    },
  );

  await app.register(addressRoutes);
};
