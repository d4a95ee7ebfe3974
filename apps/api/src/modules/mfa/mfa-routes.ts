import {
  mfaDisableBodySchema,
  mfaEnableBodySchema,
  mfaRecoveryCodesSchema,
  mfaSetupBodySchema,
  mfaSetupSchema,
  problemSchema,
} from '@securecart/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { actorOf } from '../../lib/actor.ts';
import { REAUTH_RATE_LIMIT } from '../../lib/reauthenticate.ts';
import { accountQueries } from '../account/account-queries.ts';
import { mfaQueries } from './mfa-queries.ts';
import { mfaService } from './mfa-service.ts';

/** `/auth/mfa`: the signed-in user turns TOTP two-factor sign-in on and off. */
export const mfaRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const mfa = mfaService({
    queries: mfaQueries(app.db),
    users: accountQueries(app.db),
    passwords: app.passwords,
    outbox: app.outbox,
    clock: app.clock,
    encryptionKey: config.encryptionKey,
  });
  const tags = ['auth'];
  const security = [{ bearerAuth: [] }];
  const guarded = { onRequest: app.authenticate, config: { rateLimit: REAUTH_RATE_LIMIT } };

  app.post(
    '/setup',
    {
      ...guarded,
      schema: {
        tags,
        security,
        operationId: 'setupMfa',
        summary: 'Start turning on 2FA: a new TOTP secret, not active until confirmed',
        body: mfaSetupBodySchema,
        response: {
          200: mfaSetupSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => mfa.setup(actorOf(app, request), request.body.password),
  );

  app.post(
    '/enable',
    {
      ...guarded,
      schema: {
        tags,
        security,
        operationId: 'enableMfa',
        summary: 'Confirm the secret with a current code; answers the recovery codes, once',
        body: mfaEnableBodySchema,
        response: {
          200: mfaRecoveryCodesSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => mfa.enable(actorOf(app, request), request.body.code),
  );

  app.post(
    '/disable',
    {
      ...guarded,
      schema: {
        tags,
        security,
        operationId: 'disableMfa',
        summary: 'Turn 2FA off with the password and a current code or a recovery code',
        body: mfaDisableBodySchema,
        response: {
          204: z.null(),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await mfa.disable(actorOf(app, request), request.body);
      return reply.code(204).send(null);
    },
  );
};
