import { describe, expect, it } from 'vitest';
import { centsToDollars, dollarsToCents, formatMoney } from './money.ts';

describe('money', () => {
  it('formats integer minor units in the currency', () => {
    expect(formatMoney(8900, 'USD')).toBe('$89.00');
    expect(formatMoney(123_456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(5, 'USD')).toBe('$0.05');
    // JPY has no minor unit: 500 is ¥500, not ¥5.
    expect(formatMoney(500, 'JPY')).toBe('¥500');
  });

  it.each([
    ['', undefined],
    ['  ', undefined],
    ['25', 2500],
    ['25.5', 2550],
    ['25.50', 2550],
    ['0.07', 7],
    ['19.99', 1999],
    ['1000000', 100_000_000],
  ])('reads %j dollars as %j cents', (input, cents) => {
    expect(dollarsToCents(input)).toBe(cents);
  });

  it.each(['abc', '-5', '1.234', '1e3', '12,50', '.5'])('refuses %j', (input) => {
    expect(dollarsToCents(input)).toBeNaN();
  });

  it('writes cents back as the dollars a shopper would type', () => {
    expect(centsToDollars(undefined)).toBe('');
    expect(centsToDollars(2500)).toBe('25');
    expect(centsToDollars(2550)).toBe('25.50');
    expect(centsToDollars(7)).toBe('0.07');
  });
});
