import { isStatus } from '../../../lib/form-errors.ts';
import { problemMessage } from '../../../lib/problem-message.ts';

/**
 * Mirrors the contract's MAX_LINE_QUANTITY: the header and the catalog load eagerly and may import
 * the contract for types only (its runtime pulls in zod), so the bound is restated here.
 */
export const MAX_LINE_QUANTITY = 99;

export const QUANTITY_HINT = `Enter a whole number from 1 to ${MAX_LINE_QUANTITY}.`;

/** What a shopper typed, as a line quantity; undefined for anything the API would refuse. */
export function parseQuantity(input: string): number | undefined {
  const value = input.trim();
  if (!/^\d{1,2}$/.test(value)) return undefined;
  const quantity = Number(value);
  return quantity >= 1 && quantity <= MAX_LINE_QUANTITY ? quantity : undefined;
}

/** A cart refusal in words: the 409/422 details say what is left; a 400 here is always the quantity. */
export function cartErrorMessage(error: unknown): string {
  return isStatus(error, 400) ? QUANTITY_HINT : problemMessage(error);
}
