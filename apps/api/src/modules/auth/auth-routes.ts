import {
  emailBodySchema,
  loginBodySchema,
  loginMfaBodySchema,
  loginResultSchema,
  messageSchema,
  pageQuerySchema,
  problemSchema,
  refreshBodySchema,
  refreshResultSchema,
  registerBodySchema,
  resetPasswordBodySchema,
  sessionPageSchema,
  sessionParamsSchema,
  sessionTokensSchema,
  tokenBodySchema,
} from '@securecart/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { notFound, unauthorized } from '../../lib/errors.ts';
import { mergeGuestCart } from '../cart/cart-service.ts';
import { mfaQueries } from '../mfa/mfa-queries.ts';
import type { RequestContext } from './auth-common.ts';
import { authQueries } from './auth-queries.ts';
import { authService, type SignedIn } from './auth-service.ts';
import { mfaTokens } from './mfa-token.ts';
import { passwordResetService } from './password-reset-service.ts';
import { clearRefreshCookie, csrfGuard, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie.ts';
import { registrationService } from './registration-service.ts';

const MAX_USER_AGENT_LENGTH = 512;
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
const ACCEPTED = { message: 'Thanks. If the address can receive it, an email is on its way.' };
const REGISTERED = { message: 'Check your inbox: we sent you an email to continue.' };

const LOGIN_DESCRIPTION = `Signs in with email and password.

- **200** \`{ accessToken, expiresIn, user }\` and the \`sc_refresh\` cookie (httpOnly, SameSite=Strict,
  path \`/api/v1/auth\`); with \`client: "api"\` the refresh token is also in the body.
- **200** \`{ mfaRequired: true, mfaToken }\` when 2FA is on: continue at \`POST /auth/login/mfa\` within 5 min.
- **401** wrong email or password (the message never says which). Attempts 1–5 within 15 min answer 401;
  after the fifth failure every attempt for that email answers **423** for 15 min, right password included,
  whether or not the account exists. A password reset lifts it.
- **423** \`account_locked\` also when an administrator locked the account (told only with the right password).
- **428** \`privacy_policy_update_required\`: the credentials were right but the privacy policy changed since
  the user accepted it. Show the policy and send the same request again with \`acceptPrivacy: true\`.
- \`rememberMe\` keeps the session for 30 days instead of ending it after 30 min idle; ignored for admins.
  At most 5 live sessions per user: a sixth sign-in ends the oldest.`;

const COOKIE_OR_BODY = `Send the refresh token either as the \`sc_refresh\` cookie — then the header \`X-CSRF: 1\` is
required and a foreign \`Origin\` is refused with 403 — or as \`{ "refreshToken": "…" }\` in the body (no CSRF
header needed).`;

export const authRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const queries = authQueries(app.db);
  const common = { config, queries, passwords: app.passwords, outbox: app.outbox, clock: app.clock };
  const auth = authService({
    ...common,
    recoveryCodes: mfaQueries(app.db),
    sessions: app.sessions,
    mfaTokens: mfaTokens(app.jwt, app.clock),
    signAccessToken: app.signAccessToken,
  });
  const registration = registrationService(common);
  const passwordReset = passwordResetService({ ...common, sessions: app.sessions });
  const requireCsrf = csrfGuard(config);
  const tags = ['auth'];
  const security = [{ bearerAuth: [] }];

  const contextOf = (request: FastifyRequest): RequestContext => ({
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, MAX_USER_AGENT_LENGTH),
    audit: (action, fields, tx) => app.audit(request, action, fields, tx),
  });

  /** The refresh token from the body (API clients) or the cookie (browsers, CSRF-checked). */
  function refreshTokenOf(request: FastifyRequest, body: { refreshToken?: string } | null | undefined) {
    if (body?.refreshToken) return { token: body.refreshToken, viaCookie: false };
    requireCsrf(request);
    return { token: request.cookies[REFRESH_COOKIE], viaCookie: true };
  }

  // Both sign-in paths end here: the refresh cookie, the guest cart carried over, the token body.
  const finishSignIn = async (
    request: FastifyRequest,
    reply: FastifyReply,
    result: SignedIn,
    client: string | undefined,
  ) => {
    setRefreshCookie(
      request,
      reply,
      result.refreshToken,
      result.rememberMe ? result.expiresAt : undefined,
      app.clock(),
    );
    const cartToken = request.headers['x-cart-token'];
    try {
      await mergeGuestCart(app.db, {
        userId: result.user.id,
        cartToken: typeof cartToken === 'string' ? cartToken : undefined,
        now: app.clock(),
      });
    } catch (error) {
      // Losing a guest cart's merge must not fail the sign-in itself.
      request.log.warn({ err: error }, 'guest cart merge failed');
    }
    return {
      accessToken: result.accessToken,
      expiresIn: result.expiresIn,
      user: result.user,
      ...(client === 'api' ? { refreshToken: result.refreshToken } : {}),
    };
  };

  app.post(
    '/register',
    {
      config: perMinute(5),
      schema: {
        tags,
        operationId: 'register',
        summary: 'Create an account (answers the same whether or not the email is registered)',
        description:
          'A new address gets a verification link; the owner of an already registered address gets a notice ' +
          'instead. The answer is the same 202 either way. A 400 lists every password rule broken.',
        body: registerBodySchema,
        response: { 202: messageSchema, 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await registration.register(request.body, contextOf(request));
      return reply.code(202).send(REGISTERED);
    },
  );

  app.post(
    '/verify-email',
    {
      config: perMinute(10),
      schema: {
        tags,
        operationId: 'verifyEmail',
        summary: 'Confirm an email address (sign-up or email change) with the emailed token',
        body: tokenBodySchema,
        response: { 204: z.null(), 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await registration.verifyEmail(request.body.token, contextOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/resend-verification',
    {
      config: perMinute(3),
      schema: {
        tags,
        operationId: 'resendVerification',
        summary: 'Send a new verification link (202 always)',
        body: emailBodySchema,
        response: { 202: messageSchema, 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await registration.resendVerification(request.body.email);
      return reply.code(202).send(ACCEPTED);
    },
  );

  app.post(
    '/login',
    {
      config: perMinute(10),
      schema: {
        tags,
        operationId: 'login',
        summary: 'Sign in',
        description: LOGIN_DESCRIPTION,
        body: loginBodySchema,
        response: {
          200: loginResultSchema,
          400: problemSchema,
          401: problemSchema,
          423: problemSchema,
          428: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await auth.login(request.body, contextOf(request));
      if (result.kind === 'mfa') return { mfaRequired: true as const, mfaToken: result.mfaToken };
      return finishSignIn(request, reply, result, request.body.client);
    },
  );

  app.post(
    '/login/mfa',
    {
      config: perMinute(10),
      schema: {
        tags,
        operationId: 'loginMfa',
        summary: 'Second sign-in step: a TOTP code or a recovery code',
        description:
          'A wrong, already used or replayed code answers 401; failures count towards the same lock as passwords.',
        body: loginMfaBodySchema,
        response: {
          200: sessionTokensSchema,
          400: problemSchema,
          401: problemSchema,
          423: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await auth.loginMfa(request.body, contextOf(request));
      return finishSignIn(request, reply, result, request.body.client);
    },
  );

  app.post(
    '/refresh',
    {
      schema: {
        tags,
        operationId: 'refresh',
        summary: 'A new access token; the refresh token is rotated',
        description: `${COOKIE_OR_BODY}\n\nPresenting an already rotated token ends the whole session (reuse detection). A session without remember-me ends after 30 min without a refresh.`,
        body: refreshBodySchema,
        response: { 200: refreshResultSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const { token, viaCookie } = refreshTokenOf(request, request.body);
      if (!token) throw unauthorized('No refresh token was sent.', 'invalid_refresh_token');
      const result = await auth.refresh(token, contextOf(request)).catch((error: unknown) => {
        if (viaCookie) clearRefreshCookie(request, reply);
        throw error;
      });
      const base = { accessToken: result.accessToken, expiresIn: result.expiresIn };
      if (!viaCookie) return { ...base, refreshToken: result.refreshToken };
      setRefreshCookie(
        request,
        reply,
        result.refreshToken,
        result.rememberMe ? result.expiresAt : undefined,
        app.clock(),
      );
      return base;
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        tags,
        operationId: 'logout',
        summary: 'End this session',
        description: `${COOKIE_OR_BODY}\n\nAlways 204. A token that was already rotated counts as reuse: its session is ended all the same.`,
        body: refreshBodySchema,
        response: { 204: z.null(), 400: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const { token, viaCookie } = refreshTokenOf(request, request.body);
      await auth.logout(token, contextOf(request));
      if (viaCookie) clearRefreshCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/password/forgot',
    {
      config: perMinute(5),
      schema: {
        tags,
        operationId: 'forgotPassword',
        summary: 'Email a single-use reset link valid 30 min (202 always; works while sign-in is locked)',
        body: emailBodySchema,
        response: { 202: messageSchema, 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await passwordReset.forgotPassword(request.body.email, contextOf(request));
      return reply.code(202).send(ACCEPTED);
    },
  );

  app.post(
    '/password/reset',
    {
      config: perMinute(5),
      schema: {
        tags,
        operationId: 'resetPassword',
        summary: 'Set a new password with the emailed token; every session ends and a sign-in lock is lifted',
        body: resetPasswordBodySchema,
        response: { 204: z.null(), 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await passwordReset.resetPassword(request.body.token, request.body.newPassword, contextOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/sessions',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        security,
        operationId: 'listSessions',
        summary: 'The live sessions of the signed-in user, most recently used first',
        querystring: pageQuerySchema,
        response: { 200: sessionPageSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) =>
      app.sessions.list(request.user.id, request.user.sid, request.query.page, request.query.pageSize),
  );

  app.delete(
    '/sessions/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        security,
        operationId: 'revokeSession',
        summary: 'End one of your sessions (its access tokens stop working)',
        params: sessionParamsSchema,
        response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      if (!(await app.sessions.revokeOwn(request.user.id, request.params.id))) throw notFound('Session');
      await app.audit(request, 'auth.session.revoked', {
        targetType: 'session',
        targetId: request.params.id,
      });
      return reply.code(204).send(null);
    },
  );
};
