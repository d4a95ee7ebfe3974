import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { makeProfile } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { captureDownloads } from '../../../testing/capture-downloads.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { sellerFake } from '../../../testing/seller-handlers.ts';

beforeEach(() => {
  fakeAccount.profile = makeProfile({ role: 'seller' });
});

describe('seller order lines', () => {
  it('ships a paid line with carrier and tracking number', async () => {
    const { user } = renderApp('/seller/orders', { signedIn: true });
    const table = await screen.findByRole('table', { name: 'My order lines' });
    const shippedRow = within(table).getByRole('row', { name: /SC-BBBB-2222/ });
    expect(shippedRow).toHaveTextContent('DHL JD0001');
    expect(within(shippedRow).queryByRole('button')).not.toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: 'Ship Walnut Lamp of order SC-AAAA-1111' }));
    const dialog = screen.getByRole('dialog', { name: 'Ship Walnut Lamp (order SC-AAAA-1111)' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as shipped' }));
    expect(within(dialog).getByText('Carrier is required.')).toBeInTheDocument();
    expect(within(dialog).getByText('Tracking number is required.')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Carrier'), 'UPS');
    await user.type(within(dialog).getByLabelText('Tracking number'), '1Z999{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const line = sellerFake.lines.find((l) => l.orderNumber === 'SC-AAAA-1111');
    expect(
      fakeAccount.bodies.get(`POST /seller/orders/${line?.orderId}/lines/${line?.productId}/ship`),
    ).toEqual({
      carrier: 'UPS',
      trackingNumber: '1Z999',
    });
    expect(await within(table).findByText(/UPS 1Z999/)).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Notifications' })).toHaveTextContent(
      'Walnut Lamp of order SC-AAAA-1111 was marked as shipped.',
    );
  });

  it('offers shipping for a partly refunded line that has not shipped', async () => {
    sellerFake.lines = sellerFake.lines.map((l) =>
      l.orderNumber === 'SC-AAAA-1111' ? { ...l, status: 'partially_refunded' } : l,
    );
    const { user } = renderApp('/seller/orders', { signedIn: true });
    const table = await screen.findByRole('table', { name: 'My order lines' });
    await user.click(within(table).getByRole('button', { name: 'Ship Walnut Lamp of order SC-AAAA-1111' }));
    expect(screen.getByRole('dialog', { name: 'Ship Walnut Lamp (order SC-AAAA-1111)' })).toBeInTheDocument();
  });

  it('offers no shipping for a refunded line', async () => {
    sellerFake.lines = sellerFake.lines.map((l) => ({ ...l, status: 'refunded' }));
    renderApp('/seller/orders', { signedIn: true });
    const table = await screen.findByRole('table', { name: 'My order lines' });
    await within(table).findByText('SC-AAAA-1111');
    expect(within(table).queryByRole('button', { name: /^Ship / })).toBeNull();
  });

  it('shows the API’s refusal in the ship dialog', async () => {
    const { user } = renderApp('/seller/orders?shipped=false', { signedIn: true });
    const table = await screen.findByRole('table', { name: 'My order lines' });
    expect(within(table).queryByText('SC-BBBB-2222')).not.toBeInTheDocument();
    // Someone else shipped it meanwhile (another tab): the fake now refuses with 409.
    sellerFake.lines = sellerFake.lines.map((l) => ({ ...l, shippedAt: '2026-03-03T00:00:00.000Z' }));
    await user.click(within(table).getByRole('button', { name: /^Ship Walnut Lamp/ }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Carrier'), 'UPS');
    await user.type(within(dialog).getByLabelText('Tracking number'), '1Z999');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as shipped' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This line was already shipped.');
  });
});

describe('seller sales report', () => {
  it('reads the range and granularity from the URL, draws the chart and table, and downloads the CSV', async () => {
    const downloads = captureDownloads();
    onTestFinished(downloads.restore);
    const { user, url } = renderApp('/seller/sales?from=2026-03-01&to=2026-03-31&groupBy=day', {
      signedIn: true,
    });
    const table = await screen.findByRole('table', { name: 'Sales by period' });
    expect(Object.fromEntries(sellerFake.reportQueries.at(-1)!)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      groupBy: 'day',
    });
    expect(within(table).getByRole('row', { name: '2026-03-02 1 $90.00' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: '2026-03-05 1 $89.00' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Total 2 $179.00' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Revenue by period/ })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Revenue by period' })).toHaveTextContent('2026-03-02$90.00');

    await user.selectOptions(screen.getByLabelText('Group by'), 'month');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(url()).toBe('/seller/sales?from=2026-03-01&to=2026-03-31&groupBy=month'));
    expect(
      await within(screen.getByRole('table', { name: 'Sales by period' })).findByRole('row', {
        name: '2026-03 2 $179.00',
      }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(downloads.count()).toBe(1));
    expect(downloads.fileName(0)).toBe('my-sales-2026-03-01-to-2026-03-31.csv');
    expect(Object.fromEntries(sellerFake.reportQueries.at(-1)!)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      groupBy: 'month',
      format: 'csv',
    });
    expect(await downloads.text(0)).toContain('2026-03,2,17900');
  });

  it('says why a backwards range is not reported on, without asking the API', async () => {
    renderApp('/seller/sales?from=2026-03-31&to=2026-03-01', { signedIn: true });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The start date must not be after the end date.',
    );
    expect(sellerFake.reportQueries).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Download CSV' })).not.toBeInTheDocument();
  });
});
