import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';

const ctx = await useTestApp({ rateLimitMax: 3 });

describe('conditional catalog requests', () => {
  it('count against the rate limit even when answered 304 from memory', async () => {
    const url = '/api/v1/products';
    const first = await ctx.app.inject({ url });
    expect(first.statusCode).toBe(200);
    const headers = { 'if-none-match': first.headers.etag as string };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await ctx.app.inject({ url, headers })).statusCode);
    expect(statuses).toEqual([304, 304, 429]);
  });
});
