import { readFileSync } from 'node:fs';
import os from 'node:os';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// OWASP Password Storage Cheat Sheet, argon2id minimum: 19 MiB, 2 passes, 1 lane.
// @node-rs/argon2 defaults to argon2id; the PHC string records these, so raising them later
// still verifies old hashes.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Runs at most `limit` tasks at once. argon2 runs on the libuv pool, which file and DNS work share;
 * bounding hashing to the CPU count keeps a login burst from queueing everything else behind it.
 */
export function semaphore(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active < limit) active++;
    // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in between.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

export interface Passwords {
  hash(plain: string): Promise<string>;
  verify(hash: string, plain: string): Promise<boolean>;
  /** Same cost as a real verify, for unknown emails, so timing does not reveal registration. */
  verifyDummy(plain: string): Promise<void>;
}

export function createPasswords(concurrency = os.availableParallelism()): Passwords {
  const bounded = semaphore(Math.max(1, concurrency));
  let dummyHash: Promise<string> | undefined;
  const hash = (plain: string) => bounded(() => argonHash(plain, ARGON2_OPTIONS));
  const verify = (stored: string, plain: string) =>
    bounded(() => argonVerify(stored, plain).catch(() => false));
  return {
    hash,
    verify,
    async verifyDummy(plain) {
      dummyHash ??= hash(`dummy-${Math.random()}`);
      await verify(await dummyHash, plain);
    },
  };
}

// The 20,000 most common passwords, lower-cased, from @zxcvbn-ts/language-common
// (MIT licence, © 2021 zxcvbn-ts contributors). Loaded once, on first use.
const COMMON_PASSWORDS_FILE = new URL('../modules/auth/common-passwords.txt', import.meta.url);
let commonPasswords: Set<string> | undefined;

function isCommon(password: string): boolean {
  commonPasswords ??= new Set(
    readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
  const lower = password.toLowerCase();
  // "Password1!" and "Summer2024!" are a common word with the digits and symbols rules ask for.
  const stem = lower.replace(/[\d\W_]+$/u, '');
  return commonPasswords.has(lower) || (stem.length > 0 && commonPasswords.has(stem));
}

/** Every rule the password breaks, as a message for the user; empty when it is acceptable. */
export function passwordProblems(
  password: string,
  context: { email?: string; name?: string } = {},
): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (!/\p{Lu}/u.test(password)) problems.push('must contain an upper-case letter');
  if (!/\p{Ll}/u.test(password)) problems.push('must contain a lower-case letter');
  if (!/\p{Nd}/u.test(password)) problems.push('must contain a digit');
  if (!/[^\p{L}\p{Nd}\s]/u.test(password)) problems.push('must contain a special character');
  if (isCommon(password)) problems.push('is too common; choose something less guessable');
  const lower = password.toLowerCase();
  const localPart = context.email?.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 3 && lower.includes(localPart))
    problems.push('must not contain your email address');
  const nameParts = (context.name ?? '')
    .toLowerCase()
    .split(/[\s'-]+/u)
    .filter((part) => part.length >= 3);
  if (nameParts.some((part) => lower.includes(part))) problems.push('must not contain your name');
  return problems;
}
