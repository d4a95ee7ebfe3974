import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.ts';
import { Http } from './http.ts';

type Call = { url: string; init: RequestInit };

/** A fake server at the network edge: answers from a script and records what it received. */
function fakeFetch(answer: (call: Call, index: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return answer(call, calls.length - 1);
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const authOf = (call: Call) => (call.init.headers as Record<string, string>).authorization;

describe('Http', () => {
  it('builds query strings, skipping empty values', async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(200, {}));
    const http = new Http({ baseUrl: '/api/v1', fetch: fetchImpl });
    await http.request('/products', {
      query: { q: 'desk lamp', page: 2, category: undefined, minPriceCents: '' },
    });
    expect(calls[0]!.url).toBe('/api/v1/products?q=desk+lamp&page=2');
  });

  it('turns problem+json into ApiError with status, problem and Retry-After', async () => {
    const { fetchImpl } = fakeFetch(() =>
      json(
        429,
        { type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'slow down' },
        { 'retry-after': '42' },
      ),
    );
    const http = new Http({ baseUrl: '', fetch: fetchImpl });
    const error = await http.request('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, retryAfter: 42, message: 'slow down' });
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    const { calls, fetchImpl } = fakeFetch((call) =>
      authOf(call) === 'Bearer fresh' ? json(200, { ok: true }) : json(401, {}),
    );
    const http = new Http({ baseUrl: '', fetch: fetchImpl });
    let refreshes = 0;
    http.refreshAccessToken = async () => {
      refreshes++;
      return 'fresh';
    };
    http.setAccessToken('stale');
    await expect(http.request('/me')).resolves.toEqual({ ok: true });
    expect(refreshes).toBe(1);
    expect(calls.map(authOf)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('shares one refresh between concurrent 401s', async () => {
    const { fetchImpl } = fakeFetch((call) =>
      authOf(call) === 'Bearer fresh' ? json(200, {}) : json(401, {}),
    );
    const http = new Http({ baseUrl: '', fetch: fetchImpl });
    let refreshes = 0;
    http.refreshAccessToken = async () => {
      refreshes++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return 'fresh';
    };
    http.setAccessToken('stale');
    await Promise.all([http.request('/a'), http.request('/b'), http.request('/c')]);
    expect(refreshes).toBe(1);
  });

  it('gives up after one failed refresh instead of looping', async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(401, { title: 'Unauthorized', status: 401 }));
    const http = new Http({ baseUrl: '', fetch: fetchImpl });
    http.refreshAccessToken = async () => undefined;
    http.setAccessToken('stale');
    await expect(http.request('/me')).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
    expect(http.getAccessToken()).toBeUndefined();
  });

  it('does not try to refresh an anonymous request', async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(401, { title: 'Unauthorized', status: 401 }));
    const http = new Http({ baseUrl: '', fetch: fetchImpl });
    let refreshes = 0;
    http.refreshAccessToken = async () => {
      refreshes++;
      return 'fresh';
    };
    await expect(http.request('/me')).rejects.toBeInstanceOf(ApiError);
    expect(refreshes).toBe(0);
    expect(calls).toHaveLength(1);
  });
});
