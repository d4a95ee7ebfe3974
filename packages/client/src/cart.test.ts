import { describe, expect, it } from 'vitest';
import { createClient } from './index.ts';

type Call = { url: string; init: RequestInit };

function fakeFetch(status = 200, body: unknown = {}) {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return status === 204
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}
const headersOf = (call: Call) => call.init.headers as Record<string, string>;

describe('cart client', () => {
  it('sends the stored guest token as X-Cart-Token, read at call time', async () => {
    const { calls, fetchImpl } = fakeFetch();
    let stored: string | undefined;
    const client = createClient({ baseUrl: '/api/v1', fetch: fetchImpl, cartToken: () => stored });
    await client.cart.get();
    expect(headersOf(calls[0]!)['x-cart-token']).toBeUndefined();
    stored = 'tok-123';
    await client.cart.addItem('p1', 2, { country: 'US', region: 'CA' });
    expect(headersOf(calls[1]!)['x-cart-token']).toBe('tok-123');
    expect(calls[1]!.url).toBe('/api/v1/cart/items?country=US&region=CA');
    expect(calls[1]!.init.method).toBe('POST');
    expect(JSON.parse(calls[1]!.init.body as string)).toEqual({ productId: 'p1', quantity: 2 });
  });

  it('maps update and remove onto PATCH and DELETE of the line', async () => {
    const { calls, fetchImpl } = fakeFetch(204);
    const client = createClient({ baseUrl: '', fetch: fetchImpl, cartToken: 'fixed' });
    await client.cart.removeItem('p/1');
    expect(calls[0]!.url).toBe('/cart/items/p%2F1');
    expect(calls[0]!.init.method).toBe('DELETE');
    expect(headersOf(calls[0]!)['x-cart-token']).toBe('fixed');
  });
});

describe('wishlist client', () => {
  it('adds with POST /me/wishlist and lists with paging', async () => {
    const { calls, fetchImpl } = fakeFetch(201, { id: 'p1' });
    const client = createClient({ baseUrl: '/api/v1', fetch: fetchImpl });
    expect(await client.wishlist.add('p1')).toEqual({ id: 'p1' });
    await client.wishlist.list({ page: 2 });
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'POST /api/v1/me/wishlist',
      'GET /api/v1/me/wishlist?page=2',
    ]);
  });

  it('asks about one product with GET /me/wishlist/:productId and returns its status', async () => {
    const { calls, fetchImpl } = fakeFetch(200, { productId: 'p/1', saved: false });
    const client = createClient({ baseUrl: '/api/v1', fetch: fetchImpl });
    expect(await client.wishlist.status('p/1')).toEqual({ productId: 'p/1', saved: false });
    expect(calls.map((c) => `${c.init.method ?? 'GET'} ${c.url}`)).toEqual(['GET /api/v1/me/wishlist/p%2F1']);
  });
});

describe('reviews client', () => {
  it('asks GET /products/:id/reviews/eligibility', async () => {
    const { calls, fetchImpl } = fakeFetch(200, { canReview: false, reason: 'not_purchased' });
    const client = createClient({ baseUrl: '/api/v1', fetch: fetchImpl });
    expect(await client.reviews.eligibility('p1')).toEqual({ canReview: false, reason: 'not_purchased' });
    expect(calls[0]!.url).toBe('/api/v1/products/p1/reviews/eligibility');
  });
});
