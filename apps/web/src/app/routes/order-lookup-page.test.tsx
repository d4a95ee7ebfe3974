import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeCheckout, seedOrder } from '../../testing/checkout-handlers.ts';
import { renderApp } from '../../testing/render-app.tsx';

const guestOrder = () => seedOrder({ owner: 'cart:guest', guestEmail: 'guest@example.com' });

describe('guest order lookup', () => {
  it('shows the order from the email’s link, with its timeline', async () => {
    const order = guestOrder();
    renderApp(`/orders/${order.number}?email=guest%40example.com&token=${order.guestToken}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: `Order ${order.number}` }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('order-number')).toHaveTextContent(order.number);
    expect(
      within(screen.getByRole('list', { name: 'Status history' })).getAllByRole('listitem'),
    ).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Add this order to my account' })).not.toBeInTheDocument();
  });

  it('says clearly that a wrong token finds no order, without showing it', async () => {
    const order = guestOrder();
    renderApp(`/orders/${order.number}?email=guest%40example.com&token=not-the-token-0000`);
    expect(await screen.findByRole('heading', { name: 'We could not find that order' })).toBeInTheDocument();
    expect(screen.queryByTestId('order-number')).not.toBeInTheDocument();
  });

  it('lets the signed-in owner of the email add the order to the account', async () => {
    const order = seedOrder({ owner: 'cart:guest', guestEmail: 'ada@example.test' });
    const { user } = renderApp(`/orders/${order.number}?email=ada%40example.test&token=${order.guestToken}`, {
      signedIn: true,
    });
    await user.click(await screen.findByRole('button', { name: 'Add this order to my account' }));
    expect(await screen.findByRole('link', { name: 'your account' })).toHaveAttribute(
      'href',
      `/account/orders/${order.id}`,
    );
    expect(fakeCheckout.orders[0]?.owner).toBe('user');
  });
});
