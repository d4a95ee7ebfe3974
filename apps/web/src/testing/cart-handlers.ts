import type { RequestHandler } from 'msw';

/** The fake cart, wishlist and review endpoints; filled in with the pages that call them. */
export const cartHandlers: RequestHandler[] = [];
