import { readFile } from 'node:fs/promises';
import pg from 'pg';

/** Linux reports per-process CPU in clock ticks; USER_HZ is 100 on every mainstream kernel. */
const MICROS_PER_TICK = 10_000;

async function processMicros(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MICROS_PER_TICK;
  } catch {
    return undefined;
  }
}

/**
 * CPU used so far by the PostgreSQL backends connected to `database`, per backend pid; undefined
 * when the server's processes are not readable here (another host, not Linux).
 */
export async function backendCpu(
  adminUrl: string,
  database: string,
): Promise<Map<number, number> | undefined> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [database],
    );
    const usage = new Map<number, number>();
    for (const { pid } of rows) {
      const micros = await processMicros(pid);
      if (micros === undefined) return undefined;
      usage.set(pid, micros);
    }
    return usage;
  } finally {
    await client.end();
  }
}

/** CPU the backends used between two samples (a backend that appeared in between counts whole). */
export function backendCpuSpent(
  before: Map<number, number> | undefined,
  after: Map<number, number> | undefined,
): number | undefined {
  if (!before || !after) return undefined;
  let spent = 0;
  for (const [pid, micros] of after) spent += micros - (before.get(pid) ?? 0);
  return spent;
}

/** Busy CPU time of the whole machine so far (every core, idle and iowait excluded); Linux only. */
export async function machineBusyMicros(): Promise<number | undefined> {
  try {
    const stat = await readFile('/proc/stat', 'utf8');
    const [user, nice, system, , , irq, softirq, steal] = (stat.split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const busy = [user, nice, system, irq, softirq, steal].reduce<number>(
      (sum, ticks) => sum + (ticks ?? 0),
      0,
    );
    return Number.isFinite(busy) ? busy * MICROS_PER_TICK : undefined;
  } catch {
    return undefined;
  }
}
