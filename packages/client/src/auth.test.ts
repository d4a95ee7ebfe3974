import { describe, expect, it } from 'vitest';
import { createClient } from './index.ts';

type Call = { url: string; init: RequestInit };
const headersOf = (call: Call) => call.init.headers as Record<string, string>;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const tokens = (accessToken: string, extra: Record<string, unknown> = {}) => ({
  accessToken,
  expiresIn: 900,
  user: { id: 'u', email: 'a@b.c', name: 'A', role: 'customer', emailVerified: true, mfaEnabled: false },
  ...extra,
});

/** A fake API at the network edge: /auth endpoints plus a /me that wants the `fresh` token. */
function fakeApi() {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (url.endsWith('/auth/login')) return json(200, tokens('stale', { refreshToken: 'r1' }));
    if (url.endsWith('/auth/refresh'))
      return json(200, { accessToken: 'fresh', expiresIn: 900, refreshToken: 'r2' });
    if (url.endsWith('/me')) {
      return headersOf({ url, init }).authorization === 'Bearer fresh'
        ? json(200, { ok: true })
        : json(401, {});
    }
    return new Response(null, { status: 204 });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe('auth client', () => {
  it('in cookie mode, a 401 triggers one refresh with X-CSRF and no bearer, then one retry', async () => {
    const { calls, fetchImpl } = fakeApi();
    const client = createClient({ baseUrl: '/api/v1', fetch: fetchImpl });
    await client.auth.login({ email: 'a@b.c', password: 'x' });
    await expect(client.http.request('/me')).resolves.toEqual({ ok: true });
    const refreshes = calls.filter((c) => c.url.endsWith('/auth/refresh'));
    expect(refreshes).toHaveLength(1);
    expect(headersOf(refreshes[0]!)['x-csrf']).toBe('1');
    expect(headersOf(refreshes[0]!).authorization).toBeUndefined();
    expect(refreshes[0]!.init.body).toBeUndefined();
    expect(refreshes[0]!.init.credentials).toBe('include');
    expect(JSON.parse(calls[0]!.init.body as string)).toMatchObject({ client: 'web' });
  });

  it('in api mode, sends the refresh token in the body and keeps the rotated one', async () => {
    const { calls, fetchImpl } = fakeApi();
    const client = createClient({ baseUrl: '', fetch: fetchImpl, client: 'api' });
    await client.auth.login({ email: 'a@b.c', password: 'x' });
    await client.auth.refresh();
    await client.auth.logout();
    const bodies = calls.slice(1).map((c) => JSON.parse(c.init.body as string));
    expect(bodies).toEqual([{ refreshToken: 'r1' }, { refreshToken: 'r2' }]);
    expect(client.http.getAccessToken()).toBeUndefined();
  });

  it('sends the guest cart token when signing in, so the server merges that cart', async () => {
    const { calls, fetchImpl } = fakeApi();
    let cartToken: string | undefined = 'guest-cart';
    const client = createClient({ baseUrl: '', fetch: fetchImpl, cartToken: () => cartToken });
    await client.auth.login({ email: 'a@b.c', password: 'x' });
    cartToken = undefined;
    await client.auth.login({ email: 'a@b.c', password: 'x' });
    expect(headersOf(calls[0]!)['x-cart-token']).toBe('guest-cart');
    expect(headersOf(calls[1]!)['x-cart-token']).toBeUndefined();
  });
});
