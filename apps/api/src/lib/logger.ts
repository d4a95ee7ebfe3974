import type { FastifyServerOptions } from 'fastify';

// Tokens also travel in SPA links (/verify-email?token=…) that reach the server as page loads.
const SECRET_QUERY_PARAMS = /([?&](?:token|refreshToken|code)=)[^&#]*/gi;

export const redactUrl = (url: string) => url.replace(SECRET_QUERY_PARAMS, '$1[REDACTED]');

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-cart-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.mfaToken',
  '*.cartToken',
  '*.cardNumber',
];

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    serializers: {
      req: (request) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
        userAgent: request.headers['user-agent'],
      }),
    },
  };
}
