import { expect } from 'vitest';
import type { App } from '../src/app.ts';

export type Headers = Record<string, string>;

export const US_ADDRESS = {
  name: 'Ada Buyer',
  line1: '1 Market Street',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};

export const GOOD_CARD = '4242424242424242';
export const DECLINED_CARD = '4000000000000002';

/** Thin helpers over app.inject for the checkout journey; each asserts the happy status. */
export function checkoutFlow(app: App) {
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    headers: Headers = {},
    payload?: unknown,
  ) => app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as object });

  async function guestCart(items: { productId: string; quantity: number }[]): Promise<Headers> {
    const res = await call('POST', '/cart');
    expect(res.statusCode, res.body).toBe(201);
    const headers = { 'x-cart-token': res.json().cartToken as string };
    for (const item of items) {
      const added = await call('POST', '/cart/items', headers, item);
      expect(added.statusCode, added.body).toBe(200);
    }
    return headers;
  }

  async function addItems(headers: Headers, items: { productId: string; quantity: number }[]) {
    for (const item of items) {
      const added = await call('POST', '/cart/items', headers, item);
      expect(added.statusCode, added.body).toBe(200);
    }
  }

  async function start(headers: Headers, body: object = {}) {
    const res = await call('POST', '/checkout', headers, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; step: string; summary: { totalCents: number; subtotalCents: number } };
  }

  /** Runs address, shipping and payment: the draft ends at `review`. */
  async function toReview(headers: Headers, id: string, methodId = 'standard') {
    const address = await call('PUT', `/checkout/${id}/address`, headers, {
      shippingAddress: US_ADDRESS,
      billingSameAsShipping: true,
    });
    expect(address.statusCode, address.body).toBe(200);
    const shipping = await call('PUT', `/checkout/${id}/shipping`, headers, { methodId });
    expect(shipping.statusCode, shipping.body).toBe(200);
    const payment = await call('POST', `/checkout/${id}/payment`, headers);
    expect(payment.statusCode, payment.body).toBe(200);
    return payment.json();
  }

  const complete = (headers: Headers, id: string, cardNumber = GOOD_CARD, extra: Headers = {}) =>
    call('POST', `/checkout/${id}/complete`, { ...headers, ...extra }, { cardNumber });

  return { call, guestCart, addItems, start, toReview, complete };
}
