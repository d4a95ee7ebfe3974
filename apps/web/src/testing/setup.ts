import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { resetAdminFake } from './admin-handlers.ts';
import { resetAdminPeopleFake } from './admin-people-handlers.ts';
import { resetFakeAccount } from './auth-handlers.ts';
import { resetFakeCommerce } from './cart-handlers.ts';
import { resetFakeCheckout } from './checkout-handlers.ts';
import { productRequests } from './handlers.ts';
import { resetSellerFake } from './seller-handlers.ts';
import { server } from './server.ts';

// Code-split pages load on first use; on a busy machine the first import can outlast the 1 s default.
configure({ asyncUtilTimeout: 5000 });

// A request no handler expects is a bug in the test or the app, never something to let through.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

afterEach(() => {
  cleanup();
  server.resetHandlers();
  productRequests.length = 0;
  resetFakeAccount();
  resetAdminFake();
  resetFakeCheckout();
  resetFakeCommerce();
  resetSellerFake();
  resetAdminPeopleFake();
  localStorage.clear();
  sessionStorage.clear();
});

afterAll(() => server.close());

// jsdom does not implement scrolling; the router's scroll restoration calls it on every navigation.
window.scrollTo = () => {};
