import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from './client.ts';

/**
 * Test databases: one migrated template per run, one clone per test file. Against a PostgreSQL
 * server the clone is `CREATE DATABASE … TEMPLATE`; without one, a PGlite dump is reloaded.
 */
export type TestDatabaseTarget =
  | { kind: 'postgres'; adminUrl: string; template: string }
  | { kind: 'pglite'; dumpFile: string };

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function isPostgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

/** Creates the run's migrated template; the caller drops it with `dropTestTemplate`. */
export async function createTestTemplate(adminUrl: string | undefined): Promise<TestDatabaseTarget> {
  if (adminUrl) {
    const template = uniqueName('sc_tpl');
    await admin(adminUrl, (client) => client.query(`create database "${template}"`));
    const handle = await openDatabase({ url: withDatabase(adminUrl, template), poolMax: 1 });
    await handle.migrate();
    await handle.close();
    return { kind: 'postgres', adminUrl, template };
  }
  const handle = await openDatabase({ dataDir: 'memory://' });
  await handle.migrate();
  const dump = await handle.dumpDataDir!();
  await handle.close();
  const dumpFile = path.join(os.tmpdir(), `${uniqueName('sc_tpl')}.tar.gz`);
  await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  return { kind: 'pglite', dumpFile };
}

export async function dropTestTemplate(target: TestDatabaseTarget): Promise<void> {
  if (target.kind === 'postgres') {
    await admin(target.adminUrl, (client) =>
      client.query(`drop database if exists "${target.template}" with (force)`),
    );
  }
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Connection string for code that opens its own pool (undefined on PGlite). */
  url: string | undefined;
  pgliteTemplate: Blob | undefined;
  drop(): Promise<void>;
}

export async function createTestDatabase(target: TestDatabaseTarget): Promise<TestDatabase> {
  if (target.kind === 'pglite') {
    const template = new Blob([await readFile(target.dumpFile)]);
    const handle = await openDatabase({ pgliteTemplate: template });
    return { handle, url: undefined, pgliteTemplate: template, drop: () => handle.close() };
  }
  const name = uniqueName('sc_test');
  await admin(target.adminUrl, (client) =>
    client.query(`create database "${name}" template "${target.template}"`),
  );
  const url = withDatabase(target.adminUrl, name);
  const handle = await openDatabase({ url });
  return {
    handle,
    url,
    pgliteTemplate: undefined,
    async drop() {
      await handle.close();
      await admin(target.adminUrl, (client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}
