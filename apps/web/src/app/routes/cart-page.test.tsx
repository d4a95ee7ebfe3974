import { screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { cartToken } from '../../features/cart/cart-token.ts';
import { fakeAccount } from '../../testing/auth-handlers.ts';
import { fakeCommerce } from '../../testing/cart-handlers.ts';
import { products } from '../../testing/fixtures.ts';
import { TEST_API } from '../../testing/handlers.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { server } from '../../testing/server.ts';

const lamp = products.find((product) => product.slug === 'brass-desk-lamp')!; // $89.00, stock 2
const headphones = products.find((product) => product.slug === 'wireless-headphones')!; // $199.00

/** The figure next to a term of the summary; the tax term may carry its basis, e.g. "(CA, United States)". */
const figure = (term: string) => {
  const summary = screen.getByRole('region', { name: 'Order summary' });
  const dt = [...summary.querySelectorAll('dt')].find(
    (element) => element.textContent === term || element.textContent?.startsWith(`${term} (`),
  );
  return dt?.nextElementSibling?.textContent;
};

const cartRequests = () => fakeAccount.requests.filter((request) => request.includes('/cart'));

async function openCart(lines: { productId: string; quantity: number }[]) {
  fakeCommerce.userCart = lines;
  const app = renderApp('/cart', { signedIn: true });
  await screen.findByRole('heading', { level: 1, name: 'Your cart' });
  await screen.findByRole('region', { name: 'Order summary' });
  return app;
}

describe('cart page', () => {
  it('lists each line with its link, live unit price and line total, and the server’s totals', async () => {
    await openCart([
      { productId: lamp.id, quantity: 1 },
      { productId: headphones.id, quantity: 2 },
    ]);
    expect(screen.getByRole('link', { name: 'Brass Desk Lamp' })).toHaveAttribute(
      'href',
      '/products/brass-desk-lamp',
    );
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[1]).toHaveTextContent('$199.00 each');
    expect(items[1]).toHaveTextContent('Line total: $398.00');
    expect(screen.getByLabelText('Quantity of Wireless Headphones')).toHaveValue(2);
    expect(figure('Subtotal')).toBe('$487.00');
    expect(figure('Estimated tax')).toBe('$0.00');
    expect(figure('Estimated shipping')).toBe('Free');
    expect(figure('Total')).toBe('$487.00');
    expect(screen.getByRole('link', { name: 'Check out' })).toHaveAttribute('href', '/checkout');
    expect(screen.getByRole('link', { name: 'Cart, 3 items' })).toBeInTheDocument();
  });

  it('steps a quantity up and down on the server and shows the totals it answers with', async () => {
    const { user } = await openCart([{ productId: headphones.id, quantity: 1 }]);
    await user.click(screen.getByRole('button', { name: 'Increase quantity of Wireless Headphones' }));
    await waitFor(() => expect(figure('Subtotal')).toBe('$398.00'));
    expect(fakeAccount.bodies.get(`PATCH /cart/items/${headphones.id}`)).toEqual({ quantity: 2 });
    expect(screen.getByLabelText('Quantity of Wireless Headphones')).toHaveValue(2);
    expect(await screen.findByRole('link', { name: 'Cart, 2 items' })).toBeInTheDocument();

    // Whatever the server says is what is shown, even figures the SPA could not have worked out.
    server.use(
      http.patch(`${TEST_API}/cart/items/:productId`, async ({ request }) => {
        const { quantity } = (await request.json()) as { quantity: number };
        return HttpResponse.json({
          id: '00000000-0000-4000-8000-0000000ca470',
          items: [
            {
              productId: headphones.id,
              name: headphones.name,
              slug: headphones.slug,
              imageUrl: null,
              unitPriceCents: 18_000,
              quantity,
              lineTotalCents: 18_000 * quantity,
              stock: 40,
              available: true,
            },
          ],
          itemCount: quantity,
          subtotalCents: 18_000,
          taxCents: 1234,
          shippingCents: 500,
          totalCents: 19_734,
          currency: 'USD',
          estimate: { country: 'US', region: 'CA', taxRateBasisPoints: 725, shippingMethodId: 'standard' },
        });
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Decrease quantity of Wireless Headphones' }));
    await waitFor(() => expect(figure('Total')).toBe('$197.34'));
    expect(figure('Estimated tax')).toBe('$12.34');
    expect(figure('Estimated shipping')).toBe('$5.00');
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('$180.00 each');
  });

  it('sends one change at a time: the stepper is disabled while its request runs', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.patch(`${TEST_API}/cart/items/:productId`, async () => {
        await gate;
        return undefined; // then the fake answers
      }),
    );
    const { user } = await openCart([{ productId: headphones.id, quantity: 1 }]);
    const increase = screen.getByRole('button', { name: 'Increase quantity of Wireless Headphones' });
    await user.click(increase);
    await waitFor(() => expect(increase).toHaveAttribute('aria-disabled', 'true'));
    await user.click(increase);
    await user.click(increase);
    expect(increase).toHaveFocus();
    release();
    await waitFor(() => expect(increase).not.toHaveAttribute('aria-disabled'));
    expect(cartRequests().filter((request) => request.startsWith('PATCH'))).toHaveLength(1);
    expect(screen.getByLabelText('Quantity of Wireless Headphones')).toHaveValue(2);
  });

  it('sets a typed quantity, and shows the 409 when the stock does not cover it', async () => {
    const { user } = await openCart([{ productId: lamp.id, quantity: 1 }]);
    const input = screen.getByLabelText('Quantity of Brass Desk Lamp');
    await user.clear(input);
    await user.type(input, '2{Enter}');
    await waitFor(() => expect(figure('Subtotal')).toBe('$178.00'));

    await user.click(screen.getByRole('button', { name: 'Increase quantity of Brass Desk Lamp' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only 2 of this product are available');
    expect(input).toHaveValue(2);
    expect(figure('Subtotal')).toBe('$178.00');
  });

  it('explains an invalid quantity and sends nothing', async () => {
    const { user } = await openCart([{ productId: lamp.id, quantity: 1 }]);
    const input = screen.getByLabelText('Quantity of Brass Desk Lamp');
    for (const bad of ['0', '120', '']) {
      await user.clear(input);
      if (bad) await user.type(input, bad);
      await user.keyboard('{Enter}');
      expect(await screen.findByRole('alert')).toHaveTextContent('Enter a whole number from 1 to 99.');
      expect(input).toHaveAttribute('aria-invalid', 'true');
    }
    expect(cartRequests().filter((request) => !request.startsWith('GET'))).toEqual([]);
  });

  it('removes a line, says so, and shows the empty state when it was the last', async () => {
    const { user } = await openCart([
      { productId: lamp.id, quantity: 1 },
      { productId: headphones.id, quantity: 1 },
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove Brass Desk Lamp' }));
    expect(await screen.findByText('Brass Desk Lamp was removed from your cart.')).toHaveFocus();
    expect(screen.queryByRole('link', { name: 'Brass Desk Lamp' })).not.toBeInTheDocument();
    expect(figure('Subtotal')).toBe('$199.00');
    expect(fakeCommerce.userCart).toEqual([{ productId: headphones.id, quantity: 1 }]);

    await user.click(screen.getByRole('button', { name: 'Remove Wireless Headphones' }));
    expect(await screen.findByRole('heading', { name: 'Your cart is empty' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cart, 0 items' })).toBeInTheDocument();
  });

  it('shows the empty state, with the way back, to a guest without a cart', async () => {
    const { user, url } = renderApp('/cart');
    expect(await screen.findByRole('heading', { name: 'Your cart is empty' })).toBeInTheDocument();
    expect(cartRequests()).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Browse the catalog' }));
    expect(url()).toBe('/');
  });

  it('warns about a line the stock no longer covers and leaves it out of the totals', async () => {
    cartToken.set('cart-token-guest');
    fakeCommerce.guestCarts.set('cart-token-guest', [
      { productId: lamp.id, quantity: 2 },
      { productId: headphones.id, quantity: 1 },
    ]);
    fakeCommerce.stock.set(lamp.id, 1);
    renderApp('/cart');
    expect(await screen.findByText('Only 1 left: lower the quantity to buy it.')).toBeInTheDocument();
    expect(figure('Subtotal')).toBe('$199.00');
    expect(screen.getByRole('link', { name: 'Cart, 1 item' })).toBeInTheDocument();
  });

  it('estimates tax for the chosen country and region', async () => {
    const { user } = await openCart([{ productId: lamp.id, quantity: 1 }]);
    expect(screen.getByText('Tax is shown once you choose where the order goes.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Country'), 'US');
    await user.type(screen.getByLabelText('State or region (optional)'), 'CA');
    await user.click(screen.getByRole('button', { name: 'Update estimate' }));

    // 7.25 % of $89.00 is $6.4525: the server rounds it; shipping is $5.99 under $100.
    await waitFor(() => expect(figure('Estimated tax')).toBe('$6.45'));
    expect(figure('Estimated tax (CA, United States)')).toBe('$6.45');
    expect(figure('Total')).toBe('$101.44');
  });

  it('says when the stored destination cannot be estimated, and estimates without it', async () => {
    sessionStorage.setItem('securecart.cartEstimate', JSON.stringify({ country: 'JP' }));
    fakeCommerce.userCart = [{ productId: lamp.id, quantity: 1 }];
    const { user } = renderApp('/cart', { signedIn: true });
    expect(await screen.findByRole('alert')).toHaveTextContent('We do not ship to JP yet');
    await user.click(screen.getByRole('button', { name: 'Estimate without a destination' }));
    await screen.findByRole('region', { name: 'Order summary' });
    expect(figure('Subtotal')).toBe('$89.00');
    expect(sessionStorage.getItem('securecart.cartEstimate')).toBeNull();
  });
});
