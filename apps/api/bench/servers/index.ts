import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Each bench server is a separate process so autocannon (in the parent) does not share its core. */
export const serverEntries = {
  bare: new URL('./bare.ts', import.meta.url),
  'raw-pg': new URL('./raw-pg.ts', import.meta.url),
  app: new URL('./app.ts', import.meta.url),
} as const;
export type ServerName = keyof typeof serverEntries;

export interface RunningServer {
  name: ServerName;
  baseUrl: string;
  /** CPU time (user + system, µs) the server process has used so far. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

// Started by tsx, execArgv already carries its loader; otherwise ask node to load it.
// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server (open it in Chrome DevTools).
function nodeArgs(): string[] {
  const loader = process.execArgv.some((arg) => arg.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];
  const profileDir = process.env.BENCH_CPU_PROF;
  return profileDir ? [...loader, '--cpu-prof', `--cpu-prof-dir=${profileDir}`] : loader;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function cpuMicros(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: { type?: string; micros?: number }) => {
      if (message.type !== 'cpu') return;
      child.off('message', onMessage);
      resolve(message.micros ?? 0);
    };
    child.on('message', onMessage);
    child.send({ type: 'cpu' });
  });
}

export function startServer(name: ServerName, env: Record<string, string>): Promise<RunningServer> {
  const child = fork(fileURLToPath(serverEntries[name]), [], {
    execArgv: nodeArgs(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await waitForExit(child, STOP_TIMEOUT_MS);
  };
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`bench server '${name}' ${reason}`));
    };
    const timer = setTimeout(() => fail('did not start in time'), START_TIMEOUT_MS);
    child.once('exit', (code, signal) => fail(`exited during start-up (${signal ?? code})`));
    child.once('error', (error) => fail(`failed: ${error.message}`));
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type !== 'ready' || !message.port) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ name, baseUrl: `http://127.0.0.1:${message.port}`, cpuMicros: () => cpuMicros(child), stop });
    });
  });
}
