import type { RequestHandler } from 'msw';

/** The fake admin endpoints; filled in with the pages that call them. */
export const adminHandlers: RequestHandler[] = [];
