import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { problem, TEST_API } from '../../testing/handlers.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { server } from '../../testing/server.ts';

describe('product page', () => {
  it('shows the product: name, category, price, stock, rating and description', async () => {
    renderApp('/products/brass-desk-lamp');
    expect(screen.getByText('Loading product…')).toBeInTheDocument();

    expect(await screen.findByRole('heading', { level: 1, name: 'Brass Desk Lamp' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Brass Desk Lamp' })).toHaveAttribute(
      'src',
      '/images/products/brass-desk-lamp.svg',
    );
    const main = screen.getByRole('main');
    expect(within(main).getByText('$89.00')).toBeInTheDocument();
    expect(within(main).getByText('Only 2 left')).toBeInTheDocument();
    expect(within(main).getByText('Adjustable desk lamp with a brushed brass arm.')).toBeInTheDocument();
    expect(within(main).getByText('4.5')).toBeInTheDocument();
    expect(within(main).getByText('(12 reviews)')).toBeInTheDocument();
    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(breadcrumb).getByRole('link', { name: 'Lighting' })).toHaveAttribute(
      'href',
      '/?category=lighting',
    );
    expect(document.title).toBe('Brass Desk Lamp · SecureCart');
  });

  it('says "Out of stock" for a product with no stock', async () => {
    renderApp('/products/paper-floor-lamp');
    expect(await screen.findByRole('heading', { level: 1, name: 'Paper Floor Lamp' })).toBeInTheDocument();
    expect(screen.getByText('Out of stock')).toBeInTheDocument();
    expect(screen.getByText('$120.00')).toBeInTheDocument();
  });

  it('says "In stock" when plenty is left', async () => {
    renderApp('/products/wireless-headphones');
    expect(await screen.findByRole('heading', { level: 1, name: 'Wireless Headphones' })).toBeInTheDocument();
    expect(screen.getByText('In stock')).toBeInTheDocument();
  });

  it('shows "Product not found" with a way back when the API answers 404', async () => {
    const { user, url } = renderApp('/products/no-such-thing');
    expect(await screen.findByRole('heading', { level: 1, name: 'Product not found' })).toBeInTheDocument();
    expect(document.title).toBe('Product not found · SecureCart');

    await user.click(screen.getByRole('link', { name: 'Back to the catalog' }));
    expect(url()).toBe('/');
    expect(await screen.findByRole('link', { name: 'Brass Desk Lamp' })).toBeInTheDocument();
  });

  it('offers a retry when the product cannot be loaded for another reason', async () => {
    server.use(
      http.get(`${TEST_API}/products/:idOrSlug`, () => problem(503, 'Service Unavailable'), { once: true }),
    );
    const { user } = renderApp('/products/brass-desk-lamp');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This product could not be loaded');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Brass Desk Lamp' })).toBeInTheDocument();
  });

  it('opens from a product card in the catalog', async () => {
    const { user, url } = renderApp('/');
    await user.click(await screen.findByRole('link', { name: 'Wireless Headphones' }));
    expect(url()).toBe('/products/wireless-headphones');
    expect(await screen.findByRole('heading', { level: 1, name: 'Wireless Headphones' })).toBeInTheDocument();
  });
});
