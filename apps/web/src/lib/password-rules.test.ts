import { describe, expect, it } from 'vitest';
import { meetsPasswordRules, PASSWORD_RULES } from './password-rules.ts';

const broken = (password: string) =>
  PASSWORD_RULES.filter((rule) => !rule.test(password)).map((rule) => rule.id);

describe('password rules', () => {
  it('lists every rule a password breaks', () => {
    expect(broken('')).toEqual(['length', 'upper', 'lower', 'digit', 'special']);
    expect(broken('abcdefgh')).toEqual(['upper', 'digit', 'special']);
    expect(broken('Abcdefg1')).toEqual(['special']);
    expect(broken('Velvet-Harbor-93')).toEqual([]);
  });

  it('counts length in characters, not UTF-16 units, and caps it at 128', () => {
    expect(broken('Aa1!😀😀😀')).toEqual(['length']);
    expect(meetsPasswordRules(`Aa1!${'x'.repeat(124)}`)).toBe(true);
    expect(meetsPasswordRules(`Aa1!${'x'.repeat(125)}`)).toBe(false);
  });

  it('accepts letters and digits from any script, as the server does', () => {
    expect(meetsPasswordRules('Ünïcødé-٣٣')).toBe(true);
    // A space is not a special character.
    expect(broken('Abc defg1')).toEqual(['special']);
  });
});
