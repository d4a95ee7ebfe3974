import { describe, expect, it } from 'vitest';
import { createPasswords, passwordProblems, semaphore } from './passwords.ts';

describe('passwordProblems', () => {
  it('accepts a long, mixed, uncommon password', () => {
    expect(
      passwordProblems('Velvet-Harbor-Kettle-93', { email: 'anne@example.test', name: 'Anne Smith' }),
    ).toEqual([]);
  });

  it.each([['Password1!'], ['Summer2024!'], ['P@ssw0rd'], ['Iloveyou123!!'], ['QWERTY123$']])(
    'refuses %s as common, also with digits and symbols appended',
    (password) => {
      expect(passwordProblems(password)).toContain('is too common; choose something less guessable');
    },
  );

  it('counts length in characters, not bytes or UTF-16 units', () => {
    expect(passwordProblems('Ää1!ääää')).toEqual([]);
    expect(passwordProblems('Ää1!äää')).toContain('must be at least 8 characters');
  });

  it("refuses the email's local part and parts of the name", () => {
    expect(passwordProblems('Xx-Marguerite-42', { email: 'marguerite@example.test' })).toContain(
      'must not contain your email address',
    );
    expect(passwordProblems('Xx-Fitzgerald-42', { name: 'Ella Fitzgerald' })).toContain(
      'must not contain your name',
    );
  });
});

describe('argon2id hashing', () => {
  const passwords = createPasswords();

  it('uses argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane) and a random salt', async () => {
    const first = await passwords.hash('Velvet-Harbor-Kettle-93');
    const second = await passwords.hash('Velvet-Harbor-Kettle-93');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
  });

  it('verifies the right password only, and treats a malformed hash as a mismatch', async () => {
    const hash = await passwords.hash('Velvet-Harbor-Kettle-93');
    expect(await passwords.verify(hash, 'Velvet-Harbor-Kettle-93')).toBe(true);
    expect(await passwords.verify(hash, 'velvet-harbor-kettle-93')).toBe(false);
    expect(await passwords.verify('not-a-hash', 'anything')).toBe(false);
  });

  it('spends about as long on an unknown email (dummy verify) as on a real one', async () => {
    const hash = await passwords.hash('Velvet-Harbor-Kettle-93');
    await passwords.verifyDummy('warm-up');
    let real = 0;
    let dummy = 0;
    // Interleaved, so load from other test files slows both alike.
    for (let i = 0; i < 6; i++) {
      let start = performance.now();
      await passwords.verify(hash, 'Wrong-Password-1');
      real += performance.now() - start;
      start = performance.now();
      await passwords.verifyDummy('Wrong-Password-1');
      dummy += performance.now() - start;
    }
    expect(dummy / real).toBeGreaterThan(0.4);
    expect(dummy / real).toBeLessThan(2.5);
  });
});

describe('semaphore', () => {
  it('runs at most `limit` tasks at once and runs every task', async () => {
    const run = semaphore(2);
    let active = 0;
    let peak = 0;
    const task = (value: number) =>
      run(async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active--;
        return value;
      });
    expect(await Promise.all([1, 2, 3, 4, 5].map(task))).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('frees its slot when a task fails', async () => {
    const run = semaphore(1);
    await expect(run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(run(async () => 'next')).resolves.toBe('next');
  });
});
