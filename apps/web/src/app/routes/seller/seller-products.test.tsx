import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeProfile } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { FOREIGN_PRODUCT_ID, sellerFake } from '../../../testing/seller-handlers.ts';

const signInAs = (role: 'customer' | 'seller') => {
  fakeAccount.profile = makeProfile({ role });
};

describe('the seller area guard', () => {
  it('shows a customer the 403 page', async () => {
    const { url } = renderApp('/seller/products', { signedIn: true });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You do not have access to this area' }),
    ).toBeInTheDocument();
    expect(url()).toBe('/seller/products');
    expect(screen.queryByRole('navigation', { name: 'Seller' })).not.toBeInTheDocument();
  });

  it('lets an admin in too (the API’s seller routes admit admins)', async () => {
    fakeAccount.profile = makeProfile({ role: 'admin' });
    renderApp('/seller/orders', { signedIn: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'My order lines' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Orders' })).toHaveAttribute('aria-current', 'page');
  });

  it('sends a signed-out visitor to sign in, and back afterwards', async () => {
    const { url } = renderApp('/seller/orders?shipped=false');
    await waitFor(() => expect(url()).toBe('/login?next=%2Fseller%2Forders%3Fshipped%3Dfalse'));
  });
});

describe('seller products', () => {
  beforeEach(() => signInAs('seller'));

  it('lists only the seller’s own products, with search and sort in the URL', async () => {
    const { user, url } = renderApp('/seller', { signedIn: true });
    const table = await screen.findByRole('table', { name: 'My products' });
    expect(url()).toBe('/seller/products');
    expect(within(table).getByRole('link', { name: 'Walnut Lamp' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Oak Shelf' })).toBeInTheDocument();
    expect(screen.queryByText('Someone Else’s Kettle')).not.toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: /Stock/ }));
    await waitFor(() => expect(url()).toBe('/seller/products?sort=stock&order=asc'));
    await waitFor(() => {
      const names = within(screen.getByRole('table', { name: 'My products' }))
        .getAllByRole('link', { name: /^(Oak Shelf|Walnut Lamp)$/ })
        .map((link) => link.textContent);
      expect(names).toEqual(['Oak Shelf', 'Walnut Lamp']);
    });

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'walnut');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(url()).toBe('/seller/products?sort=stock&order=asc&q=walnut'));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Oak Shelf' })).not.toBeInTheDocument());
  });

  it('creates a product: the form checks the fields first, then the seller lands on the new product', async () => {
    const { user, url } = renderApp('/seller/products/new', { signedIn: true });
    await screen.findByRole('heading', { level: 1, name: 'New product' });
    await user.click(screen.getByRole('button', { name: 'Create product' }));
    expect(await screen.findByText('Name is required.')).toBeInTheDocument();
    expect(screen.getByText('Price is required.')).toBeInTheDocument();
    expect(screen.getByText('Stock is required.')).toBeInTheDocument();
    expect(screen.getByText('Category is required.')).toBeInTheDocument();
    expect(fakeAccount.requests).not.toContain('POST /seller/products');

    await user.type(screen.getByLabelText('Name'), 'Cherry Stool');
    await user.type(screen.getByLabelText('Price (USD)'), '12.5x');
    await user.type(screen.getByLabelText('Stock'), '7');
    await user.selectOptions(screen.getByLabelText('Category'), 'Kitchen');
    await user.click(screen.getByRole('button', { name: 'Create product' }));
    expect(await screen.findByText('Price must be an amount such as 12.50.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Price (USD)'));
    await user.type(screen.getByLabelText('Price (USD)'), '12.50');
    await user.click(screen.getByRole('button', { name: 'Create product' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Cherry Stool' })).toBeInTheDocument();
    const created = sellerFake.products.find((product) => product.name === 'Cherry Stool');
    expect(url()).toBe(`/seller/products/${created?.id}`);
    expect(fakeAccount.bodies.get('POST /seller/products')).toEqual({
      name: 'Cherry Stool',
      description: '',
      priceCents: 1250,
      stock: 7,
      category: 'kitchen',
    });
    expect(screen.getByRole('status', { name: 'Notifications' })).toHaveTextContent(
      'Cherry Stool was created.',
    );
  });

  it('edits a product after checking it, sending only what changed', async () => {
    const product = sellerFake.products[0]!;
    const { user } = renderApp(`/seller/products/${product.id}`, { signedIn: true });
    const details = await screen.findByRole('region', { name: 'Details' });
    const name = within(details).getByLabelText('Name');
    await user.clear(name);
    await user.click(within(details).getByRole('button', { name: 'Save changes' }));
    expect(await within(details).findByText('Name is required.')).toBeInTheDocument();

    await user.type(name, 'Walnut Lamp, large');
    await user.clear(within(details).getByLabelText('Price (USD)'));
    await user.type(within(details).getByLabelText('Price (USD)'), '49.90');
    await user.click(within(details).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Walnut Lamp, large' })).toBeInTheDocument();
    expect(fakeAccount.bodies.get(`PATCH /seller/products/${product.id}`)).toEqual({
      name: 'Walnut Lamp, large',
      priceCents: 4990,
    });
    expect(screen.getByRole('status', { name: 'Notifications' })).toHaveTextContent(
      'Walnut Lamp, large was saved.',
    );
  });

  it('adjusts stock with a reason and archives after confirming', async () => {
    const product = sellerFake.products[1]!;
    const { user } = renderApp(`/seller/products/${product.id}`, { signedIn: true });
    await screen.findByRole('heading', { level: 1, name: 'Oak Shelf' });
    expect(screen.getByText('In stock now: 3')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Change'), '-5');
    await user.type(screen.getByLabelText('Reason'), 'Broken in transit');
    await user.click(screen.getByRole('button', { name: 'Adjust stock' }));
    expect(await screen.findByText('Change must be at least -3.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Change'));
    await user.type(screen.getByLabelText('Change'), '9');
    await user.click(screen.getByRole('button', { name: 'Adjust stock' }));
    expect(await screen.findByText('In stock now: 12')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Notifications' })).toHaveTextContent('12 in stock now.');

    await user.click(screen.getByRole('button', { name: 'Archive' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Archive Oak Shelf?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Archive product' }));
    expect(await screen.findByText(/Archived: hidden from the shop/)).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(sellerFake.products[1]?.active).toBe(false);
    expect(screen.getByRole('status', { name: 'Notifications' })).toHaveTextContent(
      'Oak Shelf was archived.',
    );
  });

  it('shows another seller’s product as not found', async () => {
    renderApp(`/seller/products/${FOREIGN_PRODUCT_ID}`, { signedIn: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'Product not found' })).toBeInTheDocument();
    expect(screen.queryByText('Someone Else’s Kettle')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to my products' })).toHaveAttribute(
      'href',
      '/seller/products',
    );
  });
});
