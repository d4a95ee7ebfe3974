import type { FastifyInstance } from 'fastify';

/**
 * Runs `job` every `intervalMs` once the app is ready, never two runs at once, on an unref'd timer
 * stopped when the app closes. Failures are logged; the next tick tries again.
 */
export function schedulePeriodicJob(
  app: FastifyInstance,
  name: string,
  intervalMs: number,
  job: () => Promise<unknown>,
) {
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      if (running) return;
      running = true;
      job()
        .catch((error: unknown) => app.log.error({ err: error }, `${name} failed`))
        .finally(() => {
          running = false;
        });
    }, intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
