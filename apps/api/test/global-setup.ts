import {
  createTestTemplate,
  DEFAULT_TEST_DATABASE_URL,
  dropTestTemplate,
  isPostgresReachable,
  type TestDatabaseTarget,
} from '@securecart/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseTarget;
  }
}

/** Migrates one template database for the run; every test file clones it. */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const reachable = await isPostgresReachable(url);
  if (!reachable && process.env.CI) {
    throw new Error(`CI must test against PostgreSQL, but ${new URL(url).host} is not reachable`);
  }
  const target = await createTestTemplate(reachable ? url : undefined);
  console.info(
    reachable
      ? `\n[db] tests use PostgreSQL at ${new URL(url).host} (template ${target.kind === 'postgres' ? target.template : ''})\n`
      : '\n[db] no PostgreSQL reachable: tests use embedded PGlite\n',
  );
  project.provide('testDatabase', target);
  return () => dropTestTemplate(target);
}
