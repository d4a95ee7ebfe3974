import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { cartToken } from '../../features/cart/cart-token.ts';
import { GOOD_PASSWORD } from '../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../testing/auth-handlers.ts';
import { fakeCommerce } from '../../testing/cart-handlers.ts';
import { products } from '../../testing/fixtures.ts';
import { problem, TEST_API } from '../../testing/handlers.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { server } from '../../testing/server.ts';

const lamp = products.find((product) => product.slug === 'brass-desk-lamp')!;
const headphones = products.find((product) => product.slug === 'wireless-headphones')!;

const cartLink = (count: string) => screen.findByRole('link', { name: `Cart, ${count}` });

describe('adding to the cart', () => {
  it('a guest without a cart asks nothing until the first add, which creates the cart and keeps its token', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('link', { name: 'Brass Desk Lamp' });
    expect(await cartLink('0 items')).toHaveAttribute('href', '/cart');
    expect(fakeAccount.requests.filter((request) => request.includes('/cart'))).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Add Brass Desk Lamp to cart' }));

    expect(await cartLink('1 item')).toBeInTheDocument();
    expect(fakeAccount.requests.filter((request) => request.includes('/cart'))).toEqual([
      'POST /cart',
      'POST /cart/items',
    ]);
    expect(cartToken.get()).toBe('cart-token-1');
    expect(fakeCommerce.guestCarts.get('cart-token-1')).toEqual([{ productId: lamp.id, quantity: 1 }]);
    const card = screen.getByRole('link', { name: 'Brass Desk Lamp' }).closest('article')!;
    expect(within(card).getByText('Added to your cart')).toBeInTheDocument();

    // The second add reuses the cart.
    await user.click(screen.getByRole('button', { name: 'Add Wireless Headphones to cart' }));
    expect(await cartLink('2 items')).toBeInTheDocument();
    expect(fakeAccount.requests.filter((request) => request === 'POST /cart')).toHaveLength(1);
  });

  it('shows the account’s (merged) cart after a guest signs in, and forgets the guest token', async () => {
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Add Brass Desk Lamp to cart' }));
    expect(await cartLink('1 item')).toBeInTheDocument();
    expect(cartToken.get()).toBe('cart-token-1');

    // What the server holds for the account once it has merged the guest cart at sign-in.
    fakeCommerce.userCart = [
      { productId: lamp.id, quantity: 1 },
      { productId: headphones.id, quantity: 2 },
    ];
    await user.click(screen.getByRole('link', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Email'), 'ada@example.test');
    await user.type(screen.getByLabelText('Password'), GOOD_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await cartLink('3 items')).toBeInTheDocument();
    expect(cartToken.get()).toBeUndefined();
  });

  it('offers no add button on a sold-out product card', async () => {
    renderApp('/');
    await screen.findByRole('link', { name: 'Paper Floor Lamp' });
    expect(screen.queryByRole('button', { name: 'Add Paper Floor Lamp to cart' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add Wireless Headphones to cart' })).toBeInTheDocument();
  });

  it('starts a new cart once when the stored guest token has expired', async () => {
    cartToken.set('forgotten-token');
    const { user } = renderApp('/products/wireless-headphones');
    // The header's GET /cart answers 404: the token is dropped and the count is 0.
    expect(await cartLink('0 items')).toBeInTheDocument();
    await waitFor(() => expect(cartToken.get()).toBeUndefined());

    await user.click(await screen.findByRole('button', { name: 'Add to cart' }));
    expect(await cartLink('1 item')).toBeInTheDocument();
    expect(cartToken.get()).toBe('cart-token-1');
  });

  it('starts a new cart straight away when the token expires between two calls (404 cart_not_found)', async () => {
    fakeCommerce.guestCarts.set('old-token', [{ productId: lamp.id, quantity: 2 }]);
    cartToken.set('old-token');
    const { user } = renderApp('/products/wireless-headphones');
    expect(await cartLink('2 items')).toBeInTheDocument();
    fakeCommerce.guestCarts.delete('old-token');
    const before = fakeAccount.requests.length;

    await user.click(await screen.findByRole('button', { name: 'Add to cart' }));
    expect(await cartLink('1 item')).toBeInTheDocument();
    // The code says the cart is gone: no GET /cart to double-check before starting over.
    expect(fakeAccount.requests.slice(before).filter((request) => request.includes('/cart'))).toEqual([
      'POST /cart/items',
      'POST /cart',
      'POST /cart/items',
    ]);
    expect(cartToken.get()).toBe('cart-token-1');
  });

  it('keeps the cart when the add is refused because the product is gone (404 not_found)', async () => {
    fakeCommerce.guestCarts.set('live-token', [{ productId: lamp.id, quantity: 1 }]);
    cartToken.set('live-token');
    const { user } = renderApp('/products/wireless-headphones');
    expect(await cartLink('1 item')).toBeInTheDocument();
    server.use(
      http.post(
        `${TEST_API}/cart/items`,
        () => problem(404, 'Not Found', 'Product not found', { code: 'not_found' }),
        { once: true },
      ),
    );

    await user.click(await screen.findByRole('button', { name: 'Add to cart' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Product not found');
    expect(fakeAccount.requests).not.toContain('POST /cart');
    expect(cartToken.get()).toBe('live-token');
    expect(fakeCommerce.guestCarts.get('live-token')).toEqual([{ productId: lamp.id, quantity: 1 }]);
    expect(await cartLink('1 item')).toBeInTheDocument();
  });

  it('adds the chosen quantity from the product page and says so, with a link to the cart', async () => {
    const { user, url } = renderApp('/products/wireless-headphones', { signedIn: true });
    expect(await cartLink('0 items')).toBeInTheDocument();
    const quantity = await screen.findByLabelText('Quantity');
    await user.clear(quantity);
    await user.type(quantity, '3');
    await user.click(screen.getByRole('button', { name: 'Add to cart' }));

    expect(await cartLink('3 items')).toBeInTheDocument();
    expect(fakeCommerce.userCart).toEqual([{ productId: headphones.id, quantity: 3 }]);
    // A signed-in user's cart follows the account: no guest cart, no token.
    expect(fakeAccount.requests).not.toContain('POST /cart');
    expect(cartToken.get()).toBeUndefined();
    const status = screen.getByText('Added to your cart').closest('[role="status"]')!;
    await user.click(within(status as HTMLElement).getByRole('link', { name: 'View cart' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your cart' })).toBeInTheDocument();
    expect(url()).toBe('/cart');
  });

  it('shows the server’s 409 beside the button when the stock does not cover the quantity', async () => {
    const { user } = renderApp('/products/brass-desk-lamp');
    const quantity = await screen.findByLabelText('Quantity');
    await user.clear(quantity);
    await user.type(quantity, '5');
    await user.click(screen.getByRole('button', { name: 'Add to cart' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Only 2 of this product are available');
    expect(screen.queryByText('Added to your cart')).not.toBeInTheDocument();
    expect(await cartLink('0 items')).toBeInTheDocument();
  });

  it('does not send a quantity the API would refuse', async () => {
    const { user } = renderApp('/products/wireless-headphones');
    const quantity = await screen.findByLabelText('Quantity');
    for (const bad of ['0', '100', '1.5']) {
      await user.clear(quantity);
      await user.type(quantity, bad);
      await user.click(screen.getByRole('button', { name: 'Add to cart' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('Enter a whole number from 1 to 99.');
      expect(quantity).toHaveAttribute('aria-invalid', 'true');
    }
    expect(fakeAccount.requests.filter((request) => request.includes('/cart'))).toEqual([]);
  });

  it('offers no buy form for a sold-out product', async () => {
    renderApp('/products/paper-floor-lamp');
    await screen.findByRole('heading', { level: 1, name: 'Paper Floor Lamp' });
    expect(screen.queryByRole('button', { name: 'Add to cart' })).not.toBeInTheDocument();
  });
});
