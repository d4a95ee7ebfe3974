import { describe, expect, it } from 'vitest';
import { centsToAmount, parseMoney } from './money.ts';

describe('parseMoney', () => {
  it('turns what was typed into integer cents without floating point', () => {
    expect(parseMoney('12', 'Price')).toEqual({ cents: 1200 });
    expect(parseMoney(' 12.5 ', 'Price')).toEqual({ cents: 1250 });
    expect(parseMoney('0.29', 'Price')).toEqual({ cents: 29 });
    expect(parseMoney('1000000.00', 'Price', { max: 100_000_000 })).toEqual({ cents: 100_000_000 });
  });

  it('says why something is not an amount', () => {
    expect(parseMoney('', 'Price')).toEqual({ error: 'Price is required.' });
    expect(parseMoney('12.345', 'Price')).toEqual({ error: 'Price must be an amount such as 12.50.' });
    expect(parseMoney('-1', 'Price')).toEqual({ error: 'Price must be an amount such as 12.50.' });
    expect(parseMoney('1e3', 'Price')).toEqual({ error: 'Price must be an amount such as 12.50.' });
    expect(parseMoney('0', 'Amount', { min: 1 })).toEqual({ error: 'Amount must be at least 0.01.' });
    expect(parseMoney('50.01', 'Amount', { max: 5000 })).toEqual({ error: 'Amount must be at most 50.00.' });
  });
});

describe('centsToAmount', () => {
  it('writes cents as an amount with two decimals', () => {
    expect(centsToAmount(1250)).toBe('12.50');
    expect(centsToAmount(89_900)).toBe('899.00');
    expect(centsToAmount(7)).toBe('0.07');
  });
});
