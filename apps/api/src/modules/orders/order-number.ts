import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L or U: nothing a customer can misread when reading a number over the phone. */
export const ORDER_NUMBER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * `SC-XXXX-XXXX` from a CSPRNG: 30^8 ≈ 6.6 × 10^11 values, so numbers are neither sequential nor
 * guessable and say nothing about sales volume. Uniqueness is the database's job (retry on clash).
 */
export function newOrderNumber(): string {
  let chars = '';
  for (let i = 0; i < 8; i++) chars += ORDER_NUMBER_ALPHABET[randomInt(ORDER_NUMBER_ALPHABET.length)];
  return `SC-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
