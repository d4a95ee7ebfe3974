import type { RequestHandler } from 'msw';

/** The fake checkout and order endpoints; filled in with the pages that call them. */
export const checkoutHandlers: RequestHandler[] = [];
