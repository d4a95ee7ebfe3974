import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The current time; every expiry and window is measured with it so tests can move time. */
    clock: () => Date;
  }
}

export const clockPlugin = fp<{ clock?: () => Date }>(
  async (app, { clock }) => {
    app.decorate('clock', clock ?? (() => new Date()));
  },
  { name: 'clock' },
);
