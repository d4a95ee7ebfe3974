import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface BenchDatabase {
  name: string;
  /** e.g. `PostgreSQL 15.20`. */
  serverVersion: string;
  url: string;
  /** Idempotent; force-disconnects whatever still holds a connection. */
  drop(): Promise<void>;
}

async function asAdmin(adminUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `sc_bench_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, `create database "${name}"`);
  const version = await asAdmin(adminUrl, 'show server_version');
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    serverVersion: `PostgreSQL ${String(version.rows[0]?.server_version ?? '?').split(' ')[0]}`,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await asAdmin(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}
