import { setupServer } from 'msw/node';
import { adminHandlers } from './admin-handlers.ts';
import { adminPeopleHandlers } from './admin-people-handlers.ts';
import { authHandlers } from './auth-handlers.ts';
import { cartHandlers } from './cart-handlers.ts';
import { checkoutHandlers } from './checkout-handlers.ts';
import { handlers } from './handlers.ts';
import { sellerHandlers } from './seller-handlers.ts';

export const server = setupServer(
  ...authHandlers,
  ...cartHandlers,
  ...checkoutHandlers,
  ...adminHandlers,
  ...adminPeopleHandlers,
  ...sellerHandlers,
  ...handlers,
);
