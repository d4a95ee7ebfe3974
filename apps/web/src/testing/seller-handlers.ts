import type { RequestHandler } from 'msw';

/** The fake seller endpoints; filled in with the pages that call them. */
export const sellerHandlers: RequestHandler[] = [];
