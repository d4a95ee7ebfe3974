import { createTestDatabase, type TestDatabase } from '@securecart/db/testing';
import { afterAll, inject } from 'vitest';
import { type App, type BuildOptions, buildApp } from '../src/app.ts';
import type { Config } from '../src/config.ts';
import { testConfig } from './config.ts';

export interface TestContext {
  app: App;
  database: TestDatabase;
}

/**
 * A fresh database cloned from the run's template and an app built on it, both torn down after the
 * file. Call at the top level of a test file: `const ctx = await useTestApp()`.
 */
export async function useTestApp(
  overrides: Partial<Config> = {},
  options: BuildOptions = {},
): Promise<TestContext> {
  const database = await createTestDatabase(inject('testDatabase'));
  const app = await buildApp(testConfig(overrides), { logger: false, ...options, database: database.handle });
  await app.ready();
  afterAll(async () => {
    // Drop the database even if closing the app fails, so no run leaves a database behind.
    try {
      await app.close();
    } finally {
      await database.drop();
    }
  });
  return { app, database };
}
