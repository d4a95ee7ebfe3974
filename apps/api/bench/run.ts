import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { backendCpu, backendCpuSpent, machineBusyMicros } from './cpu.ts';
import { type BenchDatabase, createBenchDatabase } from './database.ts';
import { type CpuMeter, type LoadRequest, type Measurement, measure } from './load.ts';
import { benchOptions } from './options.ts';
import type { BenchContext } from './orders.ts';
import { type Check, evaluateGoals, markdownReport, type Row, textReport } from './report.ts';
import { goals, type Scenario, scenarios } from './scenarios.ts';
import { seedBenchDatabase } from './seed.ts';
import { type RunningServer, startServer } from './servers/index.ts';

const RESULTS_FILE = new URL('./results/latest.md', import.meta.url);

const options = benchOptions();
const selected = options.only.length ? scenarios.filter((s) => options.only.includes(s.id)) : scenarios;

let database: BenchDatabase | undefined;
let server: RunningServer | undefined;
// The app server and the draft preparation share it (drafts hold the address encrypted).
const encryptionKey = randomBytes(32).toString('hex');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sc-bench-'));

async function cleanUp(): Promise<void> {
  const running = server;
  server = undefined;
  await running?.stop();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the server and dropping the bench database`);
    cleanUp().finally(() => process.exit(130));
  });
}

/** One request before the load: the route must answer as expected, or the numbers mean nothing. */
async function probe(baseUrl: string, request: LoadRequest, scenario: Scenario): Promise<unknown> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  if (response.status !== scenario.expectStatus) {
    throw new Error(`${scenario.id}: expected ${scenario.expectStatus}, got ${response.status}: ${text}`);
  }
  if (response.status !== 200) return undefined;
  // CSV (and other non-JSON) answers are checked as text.
  const json = response.headers.get('content-type')?.includes('json') ?? false;
  const body: unknown = json ? JSON.parse(text) : text;
  const problem = scenario.check?.(body);
  if (problem) throw new Error(`${scenario.id}: unexpected body (${problem})`);
  return body;
}

function cpuMeter(running: RunningServer, bench: BenchDatabase): CpuMeter {
  const sample = async () => {
    const [server, database, machine] = await Promise.all([
      running.cpuMicros(),
      backendCpu(options.adminUrl, bench.name),
      machineBusyMicros(),
    ]);
    const own = process.cpuUsage();
    return { server, database, machine, own: own.user + own.system };
  };
  return async () => {
    const before = await sample();
    return async () => {
      const after = await sample();
      const serverMicros = after.server - before.server;
      const databaseMicros = backendCpuSpent(before.database, after.database);
      const ours = serverMicros + (databaseMicros ?? 0) + after.own - before.own;
      const machine =
        after.machine === undefined || before.machine === undefined
          ? undefined
          : after.machine - before.machine;
      const otherMicros = machine === undefined || databaseMicros === undefined ? undefined : machine - ours;
      return {
        serverMicros,
        databaseMicros,
        otherMicros: otherMicros === undefined ? undefined : Math.max(0, otherMicros),
      };
    };
  };
}

async function runScenario(
  scenario: Scenario,
  bodies: Map<string, unknown>,
  bench: BenchContext,
): Promise<Measurement> {
  if (server?.name !== scenario.server) {
    await server?.stop();
    server = undefined;
    server = await startServer(scenario.server, {
      BENCH_APP_DATABASE_URL: database!.url,
      BENCH_ENCRYPTION_KEY: encryptionKey,
      BENCH_DATA_DIR: dataDir,
    });
  }
  const request = await scenario.request(server.baseUrl, bench);
  const body = await probe(server.baseUrl, request, scenario);
  bodies.set(scenario.id, body);
  const reference = scenario.sameBodyAs && bodies.get(scenario.sameBodyAs);
  if (reference && !isDeepStrictEqual(reference, body)) {
    console.warn(`warning: ${scenario.id} answers a different body than ${scenario.sameBodyAs}`);
  }
  return measure(
    server.baseUrl,
    request,
    scenario.expectStatus,
    { ...options, connections: scenario.connections ?? options.connections },
    cpuMeter(server, database!),
  );
}

async function main(): Promise<number> {
  const loadAverage = os.loadavg()[0] ?? 0;
  if (loadAverage > os.availableParallelism() / 4) {
    console.warn(`warning: load average ${loadAverage.toFixed(2)} before starting; expect noisy numbers`);
  }
  database = await createBenchDatabase(options.adminUrl);
  console.info(`${database.name}: seeding ${options.products} products`);
  await seedBenchDatabase(database.url, options.products);

  const rows: Row[] = [];
  const results = new Map<string, Measurement>();
  const bodies = new Map<string, unknown>();
  const checks: Check[] = [];
  const bench = {
    databaseUrl: database.url,
    encryptionKey,
    loadSeconds: options.warmupSeconds + options.durationSeconds,
  };
  for (const scenario of selected) {
    console.info(`- ${scenario.title}`);
    const result = await runScenario(scenario, bodies, bench);
    console.info(`  ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99Ms} ms`);
    rows.push({ scenario, result });
    results.set(scenario.id, result);
    const check = await scenario.verify?.(bench);
    if (check) {
      console.info(`  ${check.text}`);
      checks.push({ scenario: scenario.id, ...check });
    }
  }
  await server?.stop();
  server = undefined;

  const outcomes = evaluateGoals(goals, results);
  console.info(`\n${textReport(rows, outcomes)}\n`);
  if (selected.length === scenarios.length) {
    const environment = {
      date: new Date(),
      node: process.version,
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
      postgres: database.serverVersion,
      loadAverage,
      products: options.products,
      connections: options.connections,
      warmupSeconds: options.warmupSeconds,
      durationSeconds: options.durationSeconds,
    };
    await mkdir(new URL('.', RESULTS_FILE), { recursive: true });
    await writeFile(RESULTS_FILE, markdownReport(environment, rows, outcomes, checks));
    console.info(`written to apps/api/bench/results/latest.md`);
  }
  const failed = rows.filter((row) => row.result.failed > 0);
  for (const { scenario, result } of failed) {
    console.error(`${scenario.id}: ${result.failed} failed responses ${JSON.stringify(result.statusCounts)}`);
  }
  for (const check of checks.filter((c) => !c.ok)) console.error(`${check.scenario}: ${check.text}`);
  return failed.length > 0 || checks.some((c) => !c.ok) ? 1 : 0;
}

main().then(
  async (code) => {
    await cleanUp();
    process.exitCode = code;
  },
  async (error: unknown) => {
    console.error(error);
    await cleanUp().catch((cleanupError: unknown) => console.error(cleanupError));
    process.exitCode = 1;
  },
);
