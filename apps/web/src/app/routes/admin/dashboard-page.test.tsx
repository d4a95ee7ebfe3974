import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TEST_TIMEOUT_MS, adminFake, makeAdminOrder } from '../../../testing/admin-handlers.ts';
import { makeProfile } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

beforeEach(() => {
  fakeAccount.profile = makeProfile({ role: 'admin' });
  adminFake.orders = [
    makeAdminOrder(1, { status: 'paid', paidAt: daysAgo(0), totalCents: 5000 }),
    makeAdminOrder(2, { status: 'shipped', paidAt: daysAgo(0), totalCents: 2500 }),
    makeAdminOrder(3, {
      status: 'partially_refunded',
      paidAt: daysAgo(40),
      totalCents: 9000,
      refundedCents: 1000,
    }),
  ];
  adminFake.products[0]!.stock = 2;
  adminFake.products[1]!.stock = 0;
});

describe('admin dashboard', { timeout: ADMIN_TEST_TIMEOUT_MS }, () => {
  it('charts revenue per day and orders by status, with the figures as tables', async () => {
    renderApp('/admin', { signedIn: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();

    const revenue = await screen.findByRole('table', { name: 'Revenue per day, last 30 days' });
    const rows = within(revenue).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(30);
    expect(rows.at(-1)).toHaveTextContent(`${today}$75.00`);
    expect(screen.getByRole('img', { name: /Revenue per day, last 30 days/ })).toBeInTheDocument();

    const byStatus = await screen.findByRole('table', { name: 'Orders by status' });
    expect(within(byStatus).getByRole('row', { name: 'Paid 1' })).toBeInTheDocument();
    expect(within(byStatus).getByRole('row', { name: 'Shipped 1' })).toBeInTheDocument();
    expect(within(byStatus).getByRole('row', { name: 'Partly refunded 1' })).toBeInTheDocument();
    expect(within(byStatus).getByRole('row', { name: 'Completed 0' })).toBeInTheDocument();

    const numbers = screen.getByRole('region', { name: 'Key numbers' });
    await waitFor(() => expect(numbers).toHaveTextContent('Revenue, last 30 days$75.00'));
    expect(numbers).toHaveTextContent('Orders, last 30 days2');
    expect(numbers).toHaveTextContent('Waiting to ship1');
    expect(numbers).toHaveTextContent('Low-stock products2');
    // One request for every status, not one list call per status.
    expect(fakeAccount.requests.filter((r) => r === 'GET /admin/orders/status-counts')).toHaveLength(1);
    expect(adminFake.orderQueries).toEqual([]);
  });

  it('lists low-stock products, lowest first, linking to each', async () => {
    renderApp('/admin', { signedIn: true });
    const section = await screen.findByRole('region', { name: 'Low stock' });
    const items = await within(section).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Admin Item 02 — 0 left',
      'Admin Item 01 — 2 left',
    ]);
    expect(within(section).getByRole('link', { name: 'Admin Item 01' })).toHaveAttribute(
      'href',
      `/admin/products/${adminFake.products[0]!.id}`,
    );
  });
});
