import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { ADMIN_TEST_TIMEOUT_MS, adminFake, makeAdminOrder } from '../../../testing/admin-handlers.ts';
import { makeProfile } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { captureDownloads } from '../../../testing/capture-downloads.ts';
import { renderApp } from '../../../testing/render-app.tsx';

beforeEach(() => {
  fakeAccount.profile = makeProfile({ role: 'admin' });
});

const notifications = () => screen.getByRole('status', { name: 'Notifications' });

describe('admin orders list', { timeout: ADMIN_TEST_TIMEOUT_MS }, () => {
  beforeEach(() => {
    adminFake.orders = [
      makeAdminOrder(1, { status: 'paid', customerEmail: 'grace@example.test' }),
      makeAdminOrder(2, { status: 'shipped', customerEmail: 'alan@example.test' }),
      makeAdminOrder(3, { status: 'paid', customerEmail: 'alan.k@example.test' }),
    ];
  });

  it('filters by status and searches by email or number, in the URL', async () => {
    const { user, url } = renderApp('/admin/orders', { signedIn: true });
    expect(await screen.findByText('3 results · Page 1 of 1')).toBeInTheDocument();
    const filters = screen.getByRole('search', { name: 'Filter orders' });

    await user.selectOptions(within(filters).getByLabelText('Status'), 'Paid');
    await waitFor(() => expect(url()).toBe('/admin/orders?status=paid'));
    expect(await screen.findByText('2 results · Page 1 of 1')).toBeInTheDocument();

    await user.type(within(filters).getByLabelText('Search'), 'alan');
    await user.click(within(filters).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(url()).toBe('/admin/orders?status=paid&q=alan'));
    expect(await screen.findByText('1 result · Page 1 of 1')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'SC-TEST-0003' })).toHaveAttribute(
      'href',
      `/admin/orders/${adminFake.orders[2]!.id}`,
    );

    await user.clear(within(filters).getByLabelText('Search'));
    await user.type(within(filters).getByLabelText('Search'), 'SC-TEST-0001');
    await user.click(within(filters).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('link', { name: 'SC-TEST-0001' })).toBeInTheDocument();
    expect(adminFake.orderQueries.at(-1)?.get('q')).toBe('SC-TEST-0001');
  });

  it('sorts by a header click, both ways, through the API’s sort', async () => {
    adminFake.orders[0]!.totalCents = 9000;
    adminFake.orders[2]!.totalCents = 1000;
    const { user, url } = renderApp('/admin/orders', { signedIn: true });
    await screen.findByText('3 results · Page 1 of 1');
    const numbers = () => screen.getAllByRole('link', { name: /^SC-TEST-/ }).map((link) => link.textContent);
    expect(numbers()).toEqual(['SC-TEST-0003', 'SC-TEST-0002', 'SC-TEST-0001']);
    expect(screen.queryByRole('button', { name: /Customer/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Total/ }));
    await waitFor(() => expect(url()).toBe('/admin/orders?sort=total&order=desc'));
    await waitFor(() => expect(numbers()).toEqual(['SC-TEST-0001', 'SC-TEST-0002', 'SC-TEST-0003']));
    expect(adminFake.orderQueries.at(-1)?.get('sort')).toBe('total_desc');
    expect(screen.getByRole('columnheader', { name: /Total/ })).toHaveAttribute('aria-sort', 'descending');

    await user.click(screen.getByRole('button', { name: /Total/ }));
    await waitFor(() => expect(numbers()).toEqual(['SC-TEST-0003', 'SC-TEST-0002', 'SC-TEST-0001']));
    expect(adminFake.orderQueries.at(-1)?.get('sort')).toBe('total_asc');

    await user.click(screen.getByRole('button', { name: /Status/ }));
    await waitFor(() => expect(adminFake.orderQueries.at(-1)?.get('sort')).toBe('status_asc'));
    await waitFor(() => expect(numbers()).toEqual(['SC-TEST-0001', 'SC-TEST-0003', 'SC-TEST-0002']));
  });

  it('downloads the filtered orders as CSV through the signed-in client', async () => {
    const downloads = captureDownloads();
    onTestFinished(downloads.restore);
    const { user } = renderApp('/admin/orders?status=shipped&sort=number&order=desc', { signedIn: true });
    await screen.findByText('1 result · Page 1 of 1');

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(downloads.count()).toBe(1));
    expect(downloads.fileName(0)).toBe('orders.csv');
    const query = adminFake.orderQueries.at(-1)!;
    expect(Object.fromEntries(query)).toEqual({ status: 'shipped', sort: 'number_desc', format: 'csv' });
    const csv = await downloads.text(0);
    expect(csv).toContain('SC-TEST-0002,shipped,alan@example.test,5000');
    expect(csv).not.toContain('SC-TEST-0001');
  });

  it('says when the download is refused', async () => {
    const { user } = renderApp('/admin/orders', { signedIn: true });
    await screen.findByText('3 results · Page 1 of 1');
    fakeAccount.profile = makeProfile({ role: 'customer' }); // the role was taken away meanwhile
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() =>
      expect(notifications()).toHaveTextContent(
        'The download failed. You do not have access to this resource.',
      ),
    );
  });
});

describe('admin order detail', { timeout: ADMIN_TEST_TIMEOUT_MS }, () => {
  it('ships a paid order with carrier and tracking number, then completes it', async () => {
    const order = adminFake.orders[0]!;
    const { user } = renderApp(`/admin/orders/${order.id}`, { signedIn: true });
    const form = await screen.findByRole('form', { name: 'Mark as shipped' });
    expect(screen.getByText('Grace Hopper')).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Admin Item 01' })).toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Mark as shipped' }));
    expect(within(form).getByLabelText('Carrier')).toHaveAccessibleDescription('Carrier is required.');
    expect(within(form).getByLabelText('Tracking number')).toHaveAccessibleDescription(
      'Tracking number is required.',
    );
    expect(fakeAccount.requests).not.toContain(`POST /admin/orders/${order.id}/ship`);

    await user.type(within(form).getByLabelText('Carrier'), 'UPS');
    await user.type(within(form).getByLabelText('Tracking number'), ' 1Z999AA10123456784 ');
    await user.click(within(form).getByRole('button', { name: 'Mark as shipped' }));

    await waitFor(() =>
      expect(notifications()).toHaveTextContent(`Order ${order.number} is marked as shipped.`),
    );
    expect(fakeAccount.bodies.get(`POST /admin/orders/${order.id}/ship`)).toEqual({
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    });
    expect(screen.queryByRole('form', { name: 'Mark as shipped' })).not.toBeInTheDocument();
    expect(screen.getByText('1Z999AA10123456784')).toBeInTheDocument();
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(within(timeline).getAllByRole('listitem').at(-1)).toHaveTextContent('Shipped');

    await user.click(screen.getByRole('button', { name: 'Mark as completed' }));
    await waitFor(() =>
      expect(notifications()).toHaveTextContent(`Order ${order.number} is marked as completed.`),
    );
    expect(adminFake.orders[0]!.status).toBe('completed');
  });

  it('refunds part of an order: the amount in dollars goes out as cents, after a confirmation', async () => {
    const order = adminFake.orders[0]!; // $50.00 paid
    const { user } = renderApp(`/admin/orders/${order.id}`, { signedIn: true });
    const form = await screen.findByRole('form', { name: 'Refund' });
    await user.type(within(form).getByLabelText(/Amount/), '50.01');
    await user.type(within(form).getByLabelText('Reason'), 'Scratched on arrival');
    await user.click(within(form).getByRole('button', { name: 'Refund…' }));
    expect(within(form).getByLabelText(/Amount/)).toHaveAccessibleDescription(
      expect.stringContaining('Amount must be at most 50.00. $50.00 can still be refunded.'),
    );
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await user.clear(within(form).getByLabelText(/Amount/));
    await user.type(within(form).getByLabelText(/Amount/), '12.34');
    await user.click(within(form).getByRole('button', { name: 'Refund…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Refund $12.34?' });
    expect(dialog).toHaveTextContent(`$12.34 goes back to ${order.customerEmail}`);
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));

    await waitFor(() =>
      expect(notifications()).toHaveTextContent(`Refunded $12.34 on order ${order.number}.`),
    );
    expect(fakeAccount.bodies.get(`POST /admin/orders/${order.id}/refund`)).toEqual({
      amountCents: 1234,
      reason: 'Scratched on arrival',
    });
    expect(adminFake.refundKeys).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByText(/^Status:/)).toHaveTextContent('Status: Partly refunded');
    expect(screen.getByText(/\$37\.66 can still be refunded/)).toBeInTheDocument();
  });

  it('shows the API’s refusal when the order changed and less remains than asked', async () => {
    const order = adminFake.orders[0]!;
    const { user } = renderApp(`/admin/orders/${order.id}`, { signedIn: true });
    const form = await screen.findByRole('form', { name: 'Refund' });
    // Another admin refunds $45.00 while this page is open.
    adminFake.orders[0] = { ...order, refundedCents: 4500, status: 'partially_refunded' };

    await user.type(within(form).getByLabelText(/Amount/), '20');
    await user.type(within(form).getByLabelText('Reason'), 'Late delivery');
    await user.click(within(form).getByRole('button', { name: 'Refund…' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Refund' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Refund $20.00?' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'At most $5.00 can still be refunded on this order',
    );
    expect(adminFake.orders[0]!.refundedCents).toBe(4500);
  });

  it('ships and then completes an order that was partly refunded before shipping', async () => {
    adminFake.orders[0] = makeAdminOrder(1, { status: 'partially_refunded', refundedCents: 1000 });
    const order = adminFake.orders[0];
    const { user } = renderApp(`/admin/orders/${order.id}`, { signedIn: true });
    const form = await screen.findByRole('form', { name: 'Mark as shipped' });
    expect(screen.queryByRole('button', { name: 'Mark as completed' })).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText('Carrier'), 'DHL');
    await user.type(within(form).getByLabelText('Tracking number'), 'JD0123');
    await user.click(within(form).getByRole('button', { name: 'Mark as shipped' }));
    await waitFor(() =>
      expect(notifications()).toHaveTextContent(`Order ${order.number} is marked as shipped.`),
    );

    await user.click(screen.getByRole('button', { name: 'Mark as completed' }));
    await waitFor(() => expect(adminFake.orders[0]!.status).toBe('completed'));
    expect(adminFake.orders[0]!.refundedCents).toBe(1000);
  });

  it('completes a shipped order that was partly refunded after shipping', async () => {
    adminFake.orders[0] = makeAdminOrder(1, {
      status: 'partially_refunded',
      refundedCents: 1000,
      shippedAt: '2026-11-02T10:00:00.000Z',
    });
    const order = adminFake.orders[0];
    const { user } = renderApp(`/admin/orders/${order.id}`, { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Mark as completed' }));
    await waitFor(() =>
      expect(notifications()).toHaveTextContent(`Order ${order.number} is marked as completed.`),
    );
    expect(screen.queryByRole('form', { name: 'Mark as shipped' })).not.toBeInTheDocument();
    expect(screen.getByText(/^Status:/)).toHaveTextContent('Status: Completed');
  });

  it('refunds everything that remains when the amount is left empty', async () => {
    const order = adminFake.orders[0]!;
    const { user } = renderApp(`/admin/orders/${order.id}`, { signedIn: true });
    const form = await screen.findByRole('form', { name: 'Refund' });
    await user.type(within(form).getByLabelText('Reason'), 'Cancelled by phone');
    await user.click(within(form).getByRole('button', { name: 'Refund…' }));
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Refund $50.00?' })).getByRole('button', {
        name: 'Refund',
      }),
    );
    await waitFor(() =>
      expect(notifications()).toHaveTextContent(`Refunded $50.00 on order ${order.number}.`),
    );
    expect(fakeAccount.bodies.get(`POST /admin/orders/${order.id}/refund`)).toEqual({
      reason: 'Cancelled by phone',
    });
    expect(screen.queryByRole('form', { name: 'Refund' })).not.toBeInTheDocument();
  });
});
