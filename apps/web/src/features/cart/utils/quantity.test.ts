import { ApiError } from '@securecart/client';
import { describe, expect, it } from 'vitest';
import { cartErrorMessage, parseQuantity, QUANTITY_HINT } from './quantity.ts';

describe('line quantities', () => {
  it('accepts whole numbers from 1 to 99 only', () => {
    expect(parseQuantity('1')).toBe(1);
    expect(parseQuantity(' 42 ')).toBe(42);
    expect(parseQuantity('99')).toBe(99);
    for (const bad of ['', '0', '100', '1.5', '-1', '2e1', 'abc', '00'])
      expect(parseQuantity(bad)).toBeUndefined();
  });

  it('explains refusals: the server’s words for stock, the rule for a 400', () => {
    const problem = (status: number, detail: string) =>
      new ApiError({ type: 'about:blank', title: 'Refused', status, detail });
    expect(cartErrorMessage(problem(409, 'Only 2 of this product are available'))).toBe(
      'Only 2 of this product are available',
    );
    expect(cartErrorMessage(problem(400, 'Invalid body'))).toBe(QUANTITY_HINT);
  });
});
