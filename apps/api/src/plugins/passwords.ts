import fp from 'fastify-plugin';
import { createPasswords, type Passwords } from '../lib/passwords.ts';

declare module 'fastify' {
  interface FastifyInstance {
    passwords: Passwords;
  }
}

/** argon2id hashing shared by every module, bounded so a login burst cannot starve other routes. */
export const passwordsPlugin = fp(
  async (app) => {
    app.decorate('passwords', createPasswords());
  },
  { name: 'passwords' },
);
