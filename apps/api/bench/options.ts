export interface BenchOptions {
  /** A maintenance database on the server where the throw-away bench database is created. */
  adminUrl: string;
  warmupSeconds: number;
  durationSeconds: number;
  connections: number;
  /** Scenario ids to run (BENCH_ONLY=bare,app-list); empty runs them all. */
  only: string[];
  products: number;
}

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

export function benchOptions(env: Record<string, string | undefined> = process.env): BenchOptions {
  return {
    adminUrl: env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL,
    warmupSeconds: positive(env, 'BENCH_WARMUP', 3),
    durationSeconds: positive(env, 'BENCH_DURATION', 10),
    connections: Math.round(positive(env, 'BENCH_CONNECTIONS', 50)),
    only: (env.BENCH_ONLY ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    products: Math.round(positive(env, 'BENCH_PRODUCTS', 10_000)),
  };
}
