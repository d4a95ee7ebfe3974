import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '@securecart/db/testing';
import { afterAll, expect, inject, it } from 'vitest';
import { testConfig } from '../test/config.ts';
import { buildApp } from './app.ts';

const database = await createTestDatabase(inject('testDatabase'));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sc-shutdown-'));
afterAll(async () => {
  await database.drop();
  await rm(dataDir, { recursive: true, force: true });
});

it('finishes in-flight requests on close, then refuses new ones and closes its pool', async () => {
  // The app opens its own pool here (no injected handle), as the server does.
  // Without a server URL (PGlite runs) it opens and migrates its own embedded database instead.
  const config = testConfig({ databaseUrl: database.url, dataDir, migrateOnStart: !database.url });
  const app = await buildApp(config, { logger: false });
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  app.get('/api/v1/slow', async () => {
    await gate;
    return { done: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };

  const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/slow`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const closing = app.close();
  release();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ done: true });
  await closing;

  await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  await expect(app.dbHandle.ping()).rejects.toThrow();
});
