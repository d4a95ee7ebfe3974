import { ApiError } from '@securecart/client';

/** A sentence a shopper can act on; never a stack trace or a raw network error. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfter
        ? `Too many requests. Please wait ${error.retryAfter} seconds and try again.`
        : 'Too many requests. Please wait a moment and try again.';
    }
    if (error.status >= 500) return 'The shop is having trouble right now. Please try again.';
    return error.problem.detail ?? error.problem.title;
  }
  return 'We could not reach the shop. Check your connection and try again.';
}
