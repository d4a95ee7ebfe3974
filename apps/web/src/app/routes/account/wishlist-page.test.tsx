import { screen, waitFor, within } from '@testing-library/react';
import { http, type LifeCycleEventsMap } from 'msw';
import { describe, expect, it, onTestFinished } from 'vitest';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { fakeCommerce } from '../../../testing/cart-handlers.ts';
import { products } from '../../../testing/fixtures.ts';
import { problem, TEST_API } from '../../../testing/handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { server } from '../../../testing/server.ts';

const byName = (name: string) => products.find((product) => product.name === name)!;
const lamp = byName('Brass Desk Lamp');
const floorLamp = byName('Paper Floor Lamp');
const headphones = byName('Wireless Headphones');

describe('wishlist', () => {
  it('saves a product from its page and removes it again', async () => {
    const { user } = renderApp('/products/wireless-headphones', { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Save to wishlist' }));
    expect(await screen.findByRole('button', { name: 'Remove from wishlist' })).toHaveFocus();
    expect(screen.getByText('Saved to your wishlist.')).toBeInTheDocument();
    expect(fakeCommerce.wishlist).toEqual([headphones.id]);

    await user.click(screen.getByRole('button', { name: 'Remove from wishlist' }));
    expect(await screen.findByRole('button', { name: 'Save to wishlist' })).toBeInTheDocument();
    expect(fakeCommerce.wishlist).toEqual([]);
  });

  it('asks about this one product only, and shows a saved one as saved', async () => {
    fakeCommerce.wishlist = [lamp.id, headphones.id];
    renderApp('/products/wireless-headphones', { signedIn: true });
    expect(await screen.findByRole('button', { name: 'Remove from wishlist' })).toBeInTheDocument();
    expect(fakeAccount.requests).toContain(`GET /me/wishlist/${headphones.id}`);
    expect(fakeAccount.requests).not.toContain('GET /me/wishlist');
  });

  it('shows a product that is not saved as not saved, read from a 200 `saved: false`', async () => {
    fakeCommerce.wishlist = [lamp.id];
    // A 404 here is what made the browser log a console error on every product page.
    const statuses: number[] = [];
    const record = ({ request, response }: LifeCycleEventsMap['response:mocked'][0]) => {
      if (request.url.endsWith(`/me/wishlist/${headphones.id}`)) statuses.push(response.status);
    };
    server.events.on('response:mocked', record);
    onTestFinished(() => server.events.removeListener('response:mocked', record));
    renderApp('/products/wireless-headphones', { signedIn: true });
    const button = await screen.findByRole('button', { name: 'Save to wishlist' });
    await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'));
    expect(statuses).toEqual([200]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when the lookup fails, and does not guess', async () => {
    server.use(
      http.get(`${TEST_API}/me/wishlist/:productId`, () => problem(500, 'Internal Server Error'), {
        once: true,
      }),
    );
    renderApp('/products/wireless-headphones', { signedIn: true });
    expect(await screen.findByRole('alert')).toHaveTextContent('The shop is having trouble right now.');
    expect(screen.getByRole('button', { name: 'Save to wishlist' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('offers a guest to sign in and come back to the product', async () => {
    renderApp('/products/wireless-headphones');
    const link = await screen.findByRole('link', { name: 'Sign in to save this to your wishlist' });
    expect(link).toHaveAttribute('href', '/login?next=%2Fproducts%2Fwireless-headphones');
    expect(screen.queryByRole('button', { name: 'Save to wishlist' })).not.toBeInTheDocument();
    expect(fakeAccount.requests).not.toContain('GET /me/wishlist');
  });

  it('lists saved products with their links and prices, adds one to the cart and removes another', async () => {
    fakeCommerce.wishlist = [lamp.id, floorLamp.id, headphones.id];
    const { user } = renderApp('/account/wishlist', { signedIn: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'Wishlist' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Saved products' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).getByRole('link', { name: 'Brass Desk Lamp' })).toHaveAttribute(
      'href',
      '/products/brass-desk-lamp',
    );
    expect(within(list).getByText('$89.00')).toBeInTheDocument();
    // A sold-out product stays on the list but cannot be added.
    expect(within(list).getByText('Out of stock')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add Paper Floor Lamp to cart' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add Brass Desk Lamp to cart' }));
    expect(await screen.findByRole('link', { name: 'Cart, 1 item' })).toBeInTheDocument();
    expect(fakeCommerce.userCart).toEqual([{ productId: lamp.id, quantity: 1 }]);

    await user.click(screen.getByRole('button', { name: 'Remove Paper Floor Lamp from wishlist' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.queryByRole('link', { name: 'Paper Floor Lamp' })).not.toBeInTheDocument();
    expect(fakeCommerce.wishlist).toEqual([lamp.id, headphones.id]);
  });

  it('says when the wishlist is empty', async () => {
    renderApp('/account/wishlist', { signedIn: true });
    expect(await screen.findByRole('heading', { name: 'Your wishlist is empty' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse the catalog' })).toHaveAttribute('href', '/');
  });
});
