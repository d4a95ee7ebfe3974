import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path.ts';

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeNextPath('/account/addresses?x=1')).toBe('/account/addresses?x=1');
  });

  it('refuses anything that would leave the site or loop back to sign-in', () => {
    for (const next of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/login?next=/a',
    ]) {
      expect(safeNextPath(next)).toBe('/account');
    }
  });
});
