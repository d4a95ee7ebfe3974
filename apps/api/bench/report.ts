import type { Measurement } from './load.ts';
import type { Goal, Scenario } from './scenarios.ts';

export interface Row {
  scenario: Scenario;
  result: Measurement;
}

/** A scenario's check of what its load did to the data (the order scenarios: no oversell). */
export interface Check {
  scenario: string;
  ok: boolean;
  text: string;
}

export interface Outcome {
  label: string;
  value: string;
  pass: boolean;
  margin: string;
}

export interface Environment {
  date: Date;
  node: string;
  cpus: number;
  cpuModel: string;
  postgres: string;
  /** One-minute load average before the run: other work on the machine skews every number. */
  loadAverage: number;
  products: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function evaluate(goal: Goal, results: ReadonlyMap<string, Measurement>): Outcome | undefined {
  if (goal.kind === 'p99') {
    const result = results.get(goal.scenario);
    if (!result) return undefined;
    const pass = result.p99Ms < goal.belowMs;
    const gap = Math.abs(goal.belowMs - result.p99Ms);
    return {
      label: goal.label,
      value: `${result.p99Ms} ms`,
      pass,
      margin: pass ? `${gap} ms headroom` : `over by ${gap} ms`,
    };
  }
  if (goal.kind === 'rate') {
    const result = results.get(goal.scenario);
    if (!result) return undefined;
    const pass = result.requestsPerSecond >= goal.atLeast;
    const gap = Math.abs(result.requestsPerSecond - goal.atLeast);
    return {
      label: goal.label,
      value: `${result.requestsPerSecond.toFixed(1)}/s`,
      pass,
      margin: pass ? `${gap.toFixed(1)}/s above the goal` : `short by ${gap.toFixed(1)}/s`,
    };
  }
  const numerator = results.get(goal.numerator);
  const denominator = results.get(goal.denominator);
  if (!numerator || !denominator || denominator.requestsPerSecond === 0) return undefined;
  const ratio = numerator.requestsPerSecond / denominator.requestsPerSecond;
  const pass = ratio >= goal.atLeast;
  const needed = goal.atLeast * denominator.requestsPerSecond - numerator.requestsPerSecond;
  return {
    label: goal.label,
    value: ratio.toFixed(2),
    pass,
    margin: pass
      ? `${percent(ratio / goal.atLeast - 1)} above the goal`
      : `short by ${integer.format(needed)} req/s (${percent(1 - ratio / goal.atLeast)})`,
  };
}

export function evaluateGoals(goals: Goal[], results: ReadonlyMap<string, Measurement>): Outcome[] {
  return goals.flatMap((goal) => evaluate(goal, results) ?? []);
}

/** Cores' worth of foreign CPU during a run above which its numbers are not to be trusted. */
const NOISY_OTHER_CORES = 0.2;

const ROW_HEADERS = [
  'scenario',
  'expect',
  'req/s',
  'p50 ms',
  'p99 ms',
  'srv cpu',
  'db cpu',
  'other',
  'responses',
  'failed',
];
const cpu = (ms: number | undefined) => (ms === undefined ? '–' : `${ms.toFixed(3)} ms`);
const GOAL_HEADERS = ['goal', 'value', 'verdict', 'margin'];

const rowCells = ({ scenario, result }: Row) => [
  scenario.title,
  String(scenario.expectStatus),
  integer.format(result.requestsPerSecond),
  String(result.p50Ms),
  String(result.p99Ms),
  cpu(result.serverCpuMs),
  cpu(result.databaseCpuMs),
  result.otherCores === undefined
    ? '–'
    : `${result.otherCores.toFixed(2)}${result.otherCores > NOISY_OTHER_CORES ? ' !' : ''}`,
  integer.format(result.responses),
  String(result.failed),
];
const goalCells = (outcome: Outcome) => [
  outcome.label,
  outcome.value,
  outcome.pass ? 'PASS' : 'MISS',
  outcome.margin,
];

function columnWidths(headers: string[], body: string[][]): number[] {
  return headers.map((header, column) =>
    Math.max(header.length, ...body.map((cells) => cells[column]?.length ?? 0)),
  );
}

// First column left-aligned, the numbers right-aligned.
const pad = (cells: string[], widths: number[]) =>
  cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!)));

function textTable(headers: string[], body: string[][]): string {
  const widths = columnWidths(headers, body);
  const rule = widths.map((width) => '-'.repeat(width));
  return [headers, rule, ...body].map((cells) => pad(cells, widths).join('  ')).join('\n');
}

/** Padded the way `biome format` lays Markdown tables out, so the written file passes `biome check`. */
function markdownTable(headers: string[], body: string[][]): string {
  const widths = columnWidths(headers, body);
  const rule = widths.map((width, column) =>
    column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`,
  );
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(pad(headers, widths)), line(rule), ...body.map((cells) => line(pad(cells, widths)))].join(
    '\n',
  );
}

/** A warning when other work on the machine took CPU during some runs. */
export function noiseWarning(rows: Row[]): string | undefined {
  const noisy = rows.filter(({ result }) => (result.otherCores ?? 0) > NOISY_OTHER_CORES);
  if (noisy.length === 0) return undefined;
  return (
    `Other processes used more than ${NOISY_OTHER_CORES} cores during ${noisy.length} run(s) (marked !):` +
    ' those numbers are skewed; re-run on a quiet machine.'
  );
}

export function textReport(rows: Row[], outcomes: Outcome[]): string {
  const warning = noiseWarning(rows);
  return [
    textTable(ROW_HEADERS, rows.map(rowCells)),
    ...(warning ? ['', `warning: ${warning}`] : []),
    '',
    textTable(GOAL_HEADERS, outcomes.map(goalCells)),
  ].join('\n');
}

export function markdownReport(
  environment: Environment,
  rows: Row[],
  outcomes: Outcome[],
  checks: Check[],
): string {
  const e = environment;
  return [
    '# SecureCart API benchmark',
    '',
    `- date: ${e.date.toISOString().replace(/\.\d+Z$/, 'Z')} (UTC)`,
    `- node ${e.node}, ${e.cpus} CPU cores (${e.cpuModel}), ${e.postgres}`,
    `- load average before the run: ${e.loadAverage.toFixed(2)}`,
    `- ${integer.format(e.products)} products; autocannon ${e.connections} connections, pipelining 1,` +
      ` ${e.warmupSeconds} s warm-up then ${e.durationSeconds} s measured per scenario`,
    '- each server runs alone in its own child process; autocannon runs in the parent',
    '',
    markdownTable(ROW_HEADERS, rows.map(rowCells)),
    '',
    ...(noiseWarning(rows) ? [`**Warning:** ${noiseWarning(rows)}`, ''] : []),
    '`srv cpu` / `db cpu`: CPU time per response in the server process / in the PostgreSQL backends' +
      ' serving it (user + system). `other`: cores of CPU used meanwhile by unrelated processes.' +
      ' `failed` counts responses with any other status than `expect`, socket errors and timeouts.',
    '',
    markdownTable(GOAL_HEADERS, outcomes.map(goalCells)),
    '',
    ...(checks.length > 0
      ? ['Checked after the load:', '', ...checks.map((c) => `- ${c.scenario}: ${c.text}`), '']
      : []),
    'Regenerate with `pnpm bench` (env: BENCH_DURATION, BENCH_CONNECTIONS, BENCH_WARMUP, BENCH_ONLY).',
    '',
  ].join('\n');
}
