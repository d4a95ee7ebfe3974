import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeCheckout, seedOrder } from '../../../testing/checkout-handlers.ts';
import { products } from '../../../testing/fixtures.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const headphones = products.find((product) => product.name === 'Wireless Headphones')!;
const line = {
  productId: headphones.id,
  name: headphones.name,
  unitPriceCents: 19_900,
  quantity: 1,
  lineTotalCents: 19_900,
};

describe('order history', () => {
  it('lists the orders newest first, ten to a page', async () => {
    for (let n = 0; n < 12; n++)
      seedOrder({
        totalCents: 1000 + n,
        createdAt: `2026-11-${String(n + 1).padStart(2, '0')}T10:00:00.000Z`,
      });
    const { user } = renderApp('/account/orders', { signedIn: true });
    const list = await screen.findByRole('list', { name: 'Orders' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(10);
    const newest = fakeCheckout.orders.at(-1)!;
    expect(rows[0]).toHaveTextContent(`Order ${newest.number}`);
    expect(rows[0]).toHaveTextContent('12 Nov 2026');
    expect(rows[0]).toHaveTextContent('Paid');
    expect(rows[0]).toHaveTextContent('$10.11');
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: /Next/ }));
    expect(await screen.findByText('Page 2 of 2')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Orders' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('shows an order with its lines, totals, address, status timeline and tracking', async () => {
    const order = seedOrder({
      status: 'shipped',
      items: [line],
      subtotalCents: 19_900,
      shippingCents: 500,
      taxCents: 1990,
      totalCents: 22_390,
      carrier: 'DHL',
      trackingNumber: 'JD0146',
      timeline: [
        { status: 'pending_payment', at: '2026-11-20T10:00:00.000Z', note: null },
        { status: 'paid', at: '2026-11-20T10:01:00.000Z', note: null },
        { status: 'shipped', at: '2026-11-21T08:30:00.000Z', note: 'Left the warehouse' },
      ],
    });
    const { user } = renderApp('/account/orders', { signedIn: true });
    await user.click(await screen.findByRole('link', { name: `Order ${order.number}` }));

    expect(
      await screen.findByRole('heading', { level: 1, name: `Order ${order.number}` }),
    ).toBeInTheDocument();
    const timeline = screen.getByRole('list', { name: 'Status history' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Awaiting payment 20 Nov 2026, 10:00',
      'Paid 20 Nov 2026, 10:01',
      'Shipped 21 Nov 2026, 08:30Left the warehouse',
    ]);
    expect(screen.getByText(/Shipped with DHL, tracking number/)).toHaveTextContent('JD0146');
    const items = screen.getByRole('table');
    expect(within(items).getByRole('row', { name: /Wireless Headphones/ })).toHaveTextContent('$199.00');
    expect(within(items).getByRole('row', { name: /^Total/ })).toHaveTextContent('$223.90');
    const address = screen.getByRole('heading', { name: 'Shipping address' }).closest('section');
    expect(address).toHaveTextContent('Ada Lovelace12 St James SquareLondon SW1Y 4JHUnited Kingdom');
  });

  it('says so when the order is not the user’s', async () => {
    seedOrder({ owner: 'cart:someone-else' });
    renderApp(`/account/orders/${fakeCheckout.orders[0]!.id}`, { signedIn: true });
    expect(await screen.findByText(/We could not find that order/)).toBeInTheDocument();
  });
});
