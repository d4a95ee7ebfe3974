import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, randomToken, sha256, timingSafeEqualStrings } from './crypto.ts';

const key = randomBytes(32);

describe('AES-256-GCM', () => {
  it('round-trips, with a fresh IV each time', () => {
    const a = encrypt(key, 'JBSWY3DPEHPK3PXP');
    const b = encrypt(key, 'JBSWY3DPEHPK3PXP');
    expect(a).not.toBe(b);
    expect(a.split('.')).toHaveLength(3);
    expect(decrypt(key, a)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a tampered ciphertext, a swapped tag and another key', () => {
    const sealed = encrypt(key, 'secret');
    const [iv, tag, data] = sealed.split('.') as [string, string, string];
    const flipped = Buffer.from(data, 'base64url');
    flipped[0]! ^= 1;
    expect(() => decrypt(key, `${iv}.${tag}.${flipped.toString('base64url')}`)).toThrow();
    expect(() => decrypt(key, `${iv}.${encrypt(key, 'other').split('.')[1]}.${data}`)).toThrow();
    expect(() => decrypt(randomBytes(32), sealed)).toThrow();
    expect(() => decrypt(key, 'garbage')).toThrow();
  });
});

describe('tokens', () => {
  it('makes 256-bit URL-safe tokens and hex SHA-256 digests', () => {
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(randomToken());
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('compares strings of any length', () => {
    expect(timingSafeEqualStrings('abc', 'abc')).toBe(true);
    expect(timingSafeEqualStrings('abc', 'abd')).toBe(false);
    expect(timingSafeEqualStrings('abc', 'abcd')).toBe(false);
  });
});
