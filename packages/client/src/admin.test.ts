import { describe, expect, it } from 'vitest';
import { createClient } from './index.ts';

type Call = { url: string; init: RequestInit };

function fakeFetch(status = 200) {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return status === 204
      ? new Response(null, { status })
      : new Response('{}', { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe('admin and seller clients', () => {
  it('maps product calls onto the admin and seller paths', async () => {
    const { calls, fetchImpl } = fakeFetch();
    const client = createClient({ baseUrl: '/api/v1', fetch: fetchImpl });
    await client.admin.listProducts({ lowStock: true, active: false, sort: 'stock_asc' });
    await client.seller.adjustStock('p/1', { delta: -2, reason: 'broken' });
    await client.admin.updateUser('u1', { role: 'seller', currentPassword: 'pw' });
    await client.admin.listAuditLog({ actor: 'a@b.test', from: '2026-03-01' });
    await client.admin.listOrders({ status: 'paid', sort: 'total_desc' });
    await client.admin.orderStatusCounts();
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/v1/admin/products?lowStock=true&active=false&sort=stock_asc',
      'POST /api/v1/seller/products/p%2F1/stock',
      'PATCH /api/v1/admin/users/u1',
      'GET /api/v1/admin/audit-log?actor=a%40b.test&from=2026-03-01',
      'GET /api/v1/admin/orders?status=paid&sort=total_desc',
      'GET /api/v1/admin/orders/status-counts',
    ]);
    expect(JSON.parse(calls[1]!.init.body as string)).toEqual({ delta: -2, reason: 'broken' });
  });

  it('uploads an image as multipart without a JSON content type', async () => {
    const { calls, fetchImpl } = fakeFetch();
    const client = createClient({ baseUrl: '', fetch: fetchImpl });
    await client.admin.uploadImage(
      'p1',
      new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' }),
      'a.png',
    );
    const { init } = calls[0]!;
    expect(calls[0]!.url).toBe('/admin/products/p1/image');
    expect(init.body).toBeInstanceOf(FormData);
    expect((init.body as FormData).get('file')).toBeInstanceOf(Blob);
    expect((init.headers as Record<string, string>)['content-type']).toBeUndefined();
  });
});
