import { describe, expect, it } from 'vitest';
import { newOrderNumber, ORDER_NUMBER_ALPHABET } from '../modules/orders/order-number.ts';
import { findCardNumber, looksLikeCardNumber, passesLuhn } from './card-guard.ts';

describe('card-number detection', () => {
  it('knows Luhn and card-number shapes', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(looksLikeCardNumber('4000 0000 0000 0002')).toBe(true);
    expect(looksLikeCardNumber(4242424242424242)).toBe(true);
    expect(looksLikeCardNumber('424242424242')).toBe(false); // 12 digits
    expect(looksLikeCardNumber('+1 415 555 0100')).toBe(false);
  });

  it('finds a card number at any depth, and under card-like keys when numeric', () => {
    expect(findCardNumber({ a: { b: [{ pan: '5555555555554444' }] } })).toBe('a.b.0.pan');
    expect(findCardNumber({ cc: 4111111111111111 })).toBe('cc');
    expect(findCardNumber({ quantity: 4111111111111111 })).toBeUndefined();
    expect(
      findCardNumber({ productId: '7c1f3c1e-1111-4111-8111-111111111111', quantity: 2 }),
    ).toBeUndefined();
  });
});

describe('order numbers', () => {
  it('look like SC-XXXX-XXXX over the unambiguous alphabet and do not repeat', () => {
    const numbers = new Set(Array.from({ length: 2000 }, newOrderNumber));
    expect(numbers.size).toBe(2000);
    for (const number of numbers) {
      expect(number).toMatch(/^SC-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      for (const char of number.slice(3).replace('-', '')) expect(ORDER_NUMBER_ALPHABET).toContain(char);
    }
    expect(ORDER_NUMBER_ALPHABET).not.toMatch(/[01ILOU]/);
  });
});
