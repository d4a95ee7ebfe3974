import Fastify from 'fastify';
import { afterEach, expect, it, vi } from 'vitest';
import { schedulePeriodicJob } from './periodic-job.ts';

afterEach(() => {
  vi.useRealTimers();
});

it('runs after ready, never overlaps itself, survives failures and stops on close', async () => {
  vi.useFakeTimers();
  const app = Fastify();
  let runs = 0;
  let release: () => void = () => {};
  schedulePeriodicJob(app, 'test job', 1_000, async () => {
    runs++;
    if (runs === 1) throw new Error('first run fails');
    await new Promise<void>((resolve) => {
      release = resolve;
    });
  });
  await vi.advanceTimersByTimeAsync(5_000);
  expect(runs).toBe(0); // not before the app is ready
  await app.ready();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(runs).toBe(1);
  await vi.advanceTimersByTimeAsync(1_000);
  expect(runs).toBe(2); // the failure did not stop the schedule
  await vi.advanceTimersByTimeAsync(3_000);
  expect(runs).toBe(2); // the second run is still going: no overlap
  release();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(runs).toBe(3);
  release();
  await app.close();
  await vi.advanceTimersByTimeAsync(5_000);
  expect(runs).toBe(3);
});
