import {
  adminUserListQuerySchema,
  adminUserPageSchema,
  adminUserSchema,
  adminUserUpdateSchema,
  idParamsSchema,
  problemSchema,
} from '@securecart/contract';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { actorOf } from '../../lib/actor.ts';
import { REAUTH_RATE_LIMIT } from '../../lib/reauthenticate.ts';
import type { RequestContext } from '../auth/auth-common.ts';
import { authQueries } from '../auth/auth-queries.ts';
import { passwordResetService } from '../auth/password-reset-service.ts';
import { adminUsersQueries } from './admin-users-queries.ts';
import { adminUsersService } from './admin-users-service.ts';

const tags = ['admin'];
const security = [{ bearerAuth: [] }];
const guarded = { 401: problemSchema, 403: problemSchema };
const MAX_USER_AGENT_LENGTH = 512;

export const adminUsersRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const passwordReset = passwordResetService({
    config,
    queries: authQueries(app.db),
    sessions: app.sessions,
    passwords: app.passwords,
    outbox: app.outbox,
    clock: app.clock,
  });
  const adminOnly = app.requireRole('admin');
  const users = adminUsersService({
    queries: adminUsersQueries(app.db),
    passwords: app.passwords,
    sessions: app.sessions,
    clock: app.clock,
    passwordReset,
  });
  const contextOf = (request: FastifyRequest): RequestContext => ({
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, MAX_USER_AGENT_LENGTH),
    audit: (action, fields, tx) => app.audit(request, action, fields, tx),
  });

  app.get(
    '/admin/users',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminListUsers',
        summary: 'Search accounts by email or name, filter by role',
        querystring: adminUserListQuerySchema,
        response: { 200: adminUserPageSchema, 400: problemSchema, ...guarded },
      },
    },
    async (request) => users.list(request.query),
  );

  app.get(
    '/admin/users/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminGetUser',
        summary: 'One account (never a password, secret or token)',
        params: idParamsSchema,
        response: { 200: adminUserSchema, 400: problemSchema, ...guarded, 404: problemSchema },
      },
    },
    async (request) => users.get(request.params.id),
  );

  app.patch(
    '/admin/users/:id',
    {
      onRequest: adminOnly,
      config: { rateLimit: REAUTH_RATE_LIMIT },
      schema: {
        tags,
        security,
        operationId: 'adminUpdateUser',
        summary: 'Change a role or lock/unlock an account',
        description:
          'A role change needs the acting admin’s own `currentPassword` (missing → 400, wrong → 403). ' +
          'Locking ends every session of the user and makes their login answer 423 until unlocked; ' +
          'a role change also ends their sessions so the new role applies at once. A change that would ' +
          'leave no admin able to sign in is refused with 422 `last_admin`.',
        params: idParamsSchema,
        body: adminUserUpdateSchema,
        response: {
          200: adminUserSchema,
          400: problemSchema,
          ...guarded,
          404: problemSchema,
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request) => users.update(request.params.id, request.body, actorOf(app, request)),
  );

  app.post(
    '/admin/users/:id/password-reset',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminSendPasswordReset',
        summary: 'Email the user a password-reset link (the forgot-password mail)',
        params: idParamsSchema,
        response: {
          202: z.object({ message: z.string() }),
          400: problemSchema,
          ...guarded,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await users.sendPasswordReset(request.params.id, actorOf(app, request), contextOf(request));
      return reply.code(202).send({ message: 'A password-reset link was sent to the user.' });
    },
  );

  app.delete(
    '/admin/users/:id/sessions',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        operationId: 'adminRevokeUserSessions',
        summary: 'End every session of the user',
        params: idParamsSchema,
        response: { 204: z.null(), 400: problemSchema, ...guarded, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await users.revokeSessions(request.params.id, actorOf(app, request));
      return reply.code(204).send(null);
    },
  );
};
