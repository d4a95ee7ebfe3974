import type { Problem } from '@securecart/contract';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.ts';

const PROBLEM_TYPE_BASE = 'https://securecart.dev/problems/';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(reply: FastifyReply, problem: Partial<Problem> & { status: number }) {
  const status = problem.status;
  const body: Problem = {
    type: problem.type ?? (problem.code ? `${PROBLEM_TYPE_BASE}${problem.code}` : 'about:blank'),
    title: problem.title ?? titles[status] ?? 'Error',
    ...problem,
    requestId: reply.request.id,
  };
  return reply.code(status).type('application/problem+json').send(body);
}

/** Field path as a client would write it: `items.0.quantity`. */
function fieldPath(instancePath: string | undefined, params: unknown): string {
  const issuePath = (params as { issue?: { path?: PropertyKey[] } } | undefined)?.issue?.path;
  if (issuePath && issuePath.length > 0) return issuePath.map(String).join('.');
  return (instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
}

/** Every error leaves as RFC 9457 problem+json; 5xx details stay in the log, never in the body. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof AppError) {
        return sendProblem(reply, {
          status: error.status,
          title: error.title,
          detail: error.message,
          code: error.code,
          ...error.extra,
        });
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const where = error.validationContext ?? 'request';
        return sendProblem(reply, {
          status: 400,
          code: 'validation_failed',
          detail: `Invalid ${where}`,
          errors: error.validation.map((issue) => ({
            path: fieldPath(issue.instancePath, issue.params),
            message: issue.message ?? 'is invalid',
          })),
        });
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error, reqId: request.id }, 'request failed');
        return sendProblem(reply, {
          status: status === 503 ? 503 : 500,
          detail: 'An unexpected error occurred.',
        });
      }
      if (status === 429) {
        return sendProblem(reply, {
          status,
          code: 'rate_limited',
          detail: 'Too many requests; retry later.',
        });
      }
      // Framework 4xx (bad JSON, body too large, unsupported type): the message is safe and useful.
      return sendProblem(reply, { status, code: error.code?.toLowerCase(), detail: error.message });
    });
  },
  { name: 'errors' },
);
