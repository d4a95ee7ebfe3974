import fp from 'fastify-plugin';
import { badRequest } from '../lib/errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Only the simulated provider's test form (POST /checkout/:id/complete) may carry a card number. */
    allowTestCardNumber?: boolean;
  }
}

const CARD_KEY =
  /^(card[_-]?(number|num|no)?|cc([_-]?(number|num|no))?|pan|credit[_-]?card([_-]?number)?|number)$/i;
const CARD_LIKE = /^[0-9][0-9 -]{11,30}[0-9]$/;

/** The Luhn checksum every real card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** 13–19 digits (spaces and dashes allowed between) passing Luhn: a primary account number. */
export function looksLikeCardNumber(value: unknown): boolean {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !CARD_LIKE.test(text)) return false;
  const digits = text.replace(/[ -]/g, '');
  return /^[0-9]{13,19}$/.test(digits) && passesLuhn(digits);
}

/** The path of the first card-number-like field in a JSON body, or undefined. */
export function findCardNumber(body: unknown, depth = 0): string | undefined {
  if (depth > 32 || body === null || typeof body !== 'object') return undefined;
  for (const [key, value] of Object.entries(body)) {
    if (value !== null && typeof value === 'object') {
      const inner = findCardNumber(value, depth + 1);
      if (inner !== undefined) return `${key}.${inner}`;
    } else if (looksLikeCardNumber(value) && (CARD_KEY.test(key) || typeof value === 'string')) {
      return key;
    }
  }
  return undefined;
}

/**
 * Card data never reaches our server (PCI scope): any request body carrying a card-number-like
 * value (a card-ish key such as cardNumber/card_number/pan/cc, or any string of 13–19 digits
 * passing Luhn) is refused with 400, except on routes that opt in for the simulated test form.
 */
export const cardGuardPlugin = fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      if (request.body === undefined || request.routeOptions.config?.allowTestCardNumber) return;
      const path = findCardNumber(request.body);
      if (path !== undefined) {
        throw badRequest('Card numbers must never be sent to this API', 'card_data_refused');
      }
    });
  },
  { name: 'card-guard' },
);
