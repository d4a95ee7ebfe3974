#!/usr/bin/env node
// The README's two commands (`npm start`, `npm test`) land here. Only Node and npm are assumed:
// pnpm is used when installed, fetched through npx otherwise; dependencies are installed first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '10.34.9';
const root = fileURLToPath(new URL('..', import.meta.url));
const command = process.argv[2];

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpm() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.')) return ['pnpm', []];
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
}

const [pnpmCmd, pnpmPrefix] = pnpm();
const runPnpm = (args, env) => run(pnpmCmd, [...pnpmPrefix, ...args], env);
const step = (status) => {
  if (status !== 0) process.exit(status);
};

step(runPnpm(['install', '--frozen-lockfile']));
if (command === 'start') {
  step(runPnpm(['run', 'build']));
  step(runPnpm(['run', 'serve']));
} else if (command === 'test') {
  step(runPnpm(['run', 'check']));
} else {
  console.error('usage: node scripts/dev-cli.mjs start|test');
  process.exit(2);
}
