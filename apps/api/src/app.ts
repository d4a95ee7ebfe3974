import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DatabaseHandle } from '@securecart/db';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { loggerOptions } from './lib/logger.ts';
import { accountRoutes } from './modules/account/account-routes.ts';
import { personalDataPlugin } from './modules/account/personal-data.ts';
import { adminAuditRoutes } from './modules/admin-audit/admin-audit-routes.ts';
import { adminOrdersRoutes } from './modules/admin-orders/admin-orders-routes.ts';
import { adminProductsRoutes } from './modules/admin-products/admin-products-routes.ts';
import { adminReportsRoutes } from './modules/admin-reports/admin-reports-routes.ts';
import { adminUsersRoutes } from './modules/admin-users/admin-users-routes.ts';
import { auditPlugin } from './modules/audit/audit.ts';
import { authRoutes } from './modules/auth/auth-routes.ts';
import { seedAdminPlugin } from './modules/auth/seed-admin.ts';
import { cartRoutes } from './modules/cart/cart-routes.ts';
import { catalogRoutes } from './modules/catalog/catalog-routes.ts';
import { abandonmentPlugin } from './modules/checkout/abandonment.ts';
import { checkoutRoutes } from './modules/checkout/checkout-routes.ts';
import { healthRoutes } from './modules/health/health-routes.ts';
import { outboxPlugin } from './modules/mail/outbox.ts';
import { mfaRoutes } from './modules/mfa/mfa-routes.ts';
import { orderExpiryPlugin } from './modules/orders/order-expiry.ts';
import { ordersRoutes } from './modules/orders/orders-routes.ts';
import { stripeWebhookRoutes } from './modules/payments/stripe-webhook-routes.ts';
import { reviewsRoutes } from './modules/reviews/reviews-routes.ts';
import { sellerOrdersRoutes } from './modules/seller/seller-orders-routes.ts';
import { sellerProductsRoutes } from './modules/seller/seller-products-routes.ts';
import { wishlistRoutes } from './modules/wishlist/wishlist-routes.ts';
import { authPlugin } from './plugins/auth.ts';
import { cardGuardPlugin } from './plugins/card-guard.ts';
import { clockPlugin } from './plugins/clock.ts';
import { dbPlugin } from './plugins/db.ts';
import { errorsPlugin, sendProblem } from './plugins/errors.ts';
import { httpCachePlugin } from './plugins/http-cache.ts';
import { type Mailer, mailerPlugin } from './plugins/mailer.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { passwordsPlugin } from './plugins/passwords.ts';
import { paymentsPlugin } from './plugins/payments.ts';
import { securityPlugin } from './plugins/security.ts';
import { uploadsPlugin } from './plugins/uploads.ts';
import { webPlugin } from './plugins/web.ts';

const ONE_MEBIBYTE = 1024 * 1024;
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuildOptions {
  /** Overrides the pino logger (tests pass `false` or a stream). */
  logger?: FastifyServerOptions['logger'];
  /** An already-open database (tests clone one per file); the app then leaves closing it to the caller. */
  database?: DatabaseHandle;
  /** The time every expiry and window is measured with; tests move it instead of waiting. */
  clock?: () => Date;
  /** Replaces SMTP / the file outbox (tests record what was sent). */
  mailer?: Mailer;
}

/** Builds the whole application; the server and every test use this same factory. */
export async function buildApp(config: Readonly<Config>, options: BuildOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    bodyLimit: ONE_MEBIBYTE,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Keep a caller's correlation id when it looks safe; otherwise mint one.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ...(config.tls
      ? { https: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } }
      : {}),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  await app.register(securityPlugin, { config });
  await app.register(cardGuardPlugin);
  await app.register(dbPlugin, { config, database: options.database });
  await app.register(clockPlugin, { clock: options.clock });
  await app.register(mailerPlugin, { config, mailer: options.mailer });
  await app.register(outboxPlugin);
  await app.register(passwordsPlugin);
  await app.register(auditPlugin);
  await app.register(authPlugin, { config });
  await app.register(seedAdminPlugin, { config });
  await app.register(personalDataPlugin);
  await app.register(httpCachePlugin);
  await app.register(paymentsPlugin, { config });
  await app.register(orderExpiryPlugin);
  await app.register(abandonmentPlugin, { config });
  await app.register(openapiPlugin, { config });
  await app.register(webPlugin, { config });
  await app.register(uploadsPlugin, { config });

  await app.register(healthRoutes, { prefix: '/health' });
  await app.register(
    async (api) => {
      await api.register(catalogRoutes);
      await api.register(authRoutes, { prefix: '/auth', config });
      await api.register(mfaRoutes, { prefix: '/auth/mfa', config });
      await api.register(accountRoutes, { config });
      await api.register(cartRoutes, { config });
      await api.register(wishlistRoutes);
      await api.register(checkoutRoutes, { config });
      await api.register(ordersRoutes, { config });
      await api.register(stripeWebhookRoutes, { config });
      await api.register(reviewsRoutes);
      await api.register(adminProductsRoutes, { config });
      await api.register(sellerProductsRoutes, { config });
      await api.register(sellerOrdersRoutes, { config });
      await api.register(adminUsersRoutes, { config });
      await api.register(adminAuditRoutes);
      await api.register(adminOrdersRoutes, { config });
      await api.register(adminReportsRoutes);
    },
    { prefix: '/api/v1' },
  );

  app.setNotFoundHandler((request, reply) => {
    if (app.sendSpaIndex(request, reply)) return;
    return sendProblem(reply, {
      status: 404,
      code: 'not_found',
      detail: `No route for ${request.method} ${request.url.split('?')[0]}`,
    });
  });

  return app;
}
export type App = Awaited<ReturnType<typeof buildApp>>;
