import type { App } from '../src/app.ts';
import { nextIp } from './auth.ts';

export interface PostOptions {
  ip?: string;
  headers?: Record<string, string>;
}

/** POST JSON to the API from a fresh client IP unless one is given (per-IP limits stay out of the way). */
export function postJson(app: App, url: string, payload?: unknown, options: PostOptions = {}) {
  return app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    payload: payload === undefined ? undefined : (payload as object),
    remoteAddress: options.ip ?? nextIp(),
    headers: options.headers,
  });
}
