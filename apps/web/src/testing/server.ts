import { setupServer } from 'msw/node';
import { authHandlers } from './auth-handlers.ts';
import { handlers } from './handlers.ts';

export const server = setupServer(...authHandlers, ...handlers);
