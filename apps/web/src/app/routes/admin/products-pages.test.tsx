import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_TEST_TIMEOUT_MS, adminFake } from '../../../testing/admin-handlers.ts';
import { makeProfile } from '../../../testing/auth-fixtures.ts';
import { fakeAccount, validationProblem } from '../../../testing/auth-handlers.ts';
import { TEST_API } from '../../../testing/handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { server } from '../../../testing/server.ts';

const { createObjectURL, revokeObjectURL } = URL;

beforeEach(() => {
  fakeAccount.profile = makeProfile({ role: 'admin' });
});

afterEach(() => {
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

const table = () => screen.findByRole('table', { name: 'Products' });
const firstRowName = async () =>
  within((await table()).querySelectorAll('tbody tr')[0] as HTMLElement).getAllByRole('cell')[0];
const notifications = () => screen.getByRole('status', { name: 'Notifications' });

describe('admin products list', { timeout: ADMIN_TEST_TIMEOUT_MS }, () => {
  it('sorts by a header and pages, all in the URL, and a reload keeps it', async () => {
    const { user, url, unmount } = renderApp('/admin/products', { signedIn: true });
    expect(await screen.findByText('25 results · Page 1 of 2')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Price/ }));
    await waitFor(() => expect(url()).toBe('/admin/products?sort=price&order=asc'));
    expect(screen.getByRole('columnheader', { name: /Price/ })).toHaveAttribute('aria-sort', 'ascending');
    await waitFor(async () => expect(await firstRowName()).toHaveTextContent('Admin Item 01'));

    await user.click(screen.getByRole('button', { name: /Price/ }));
    await waitFor(() => expect(url()).toBe('/admin/products?sort=price&order=desc'));
    await waitFor(async () => expect(await firstRowName()).toHaveTextContent('Admin Item 25'));

    await user.click(screen.getByRole('link', { name: 'Next page' }));
    await waitFor(() => expect(url()).toBe('/admin/products?sort=price&order=desc&page=2'));
    expect(await screen.findByText('25 results · Page 2 of 2')).toBeInTheDocument();
    await waitFor(async () => expect(await firstRowName()).toHaveTextContent('Admin Item 05'));

    unmount();
    renderApp('/admin/products?sort=price&order=desc&page=2', { signedIn: true });
    expect(await screen.findByText('25 results · Page 2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Price/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('filters by a search written into the URL, back on page 1', async () => {
    const { user, url } = renderApp('/admin/products?page=2', { signedIn: true });
    const filters = await screen.findByRole('search', { name: 'Filter products' });
    await user.type(within(filters).getByLabelText('Search'), 'Item 07');
    await user.click(within(filters).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(url()).toBe('/admin/products?q=Item+07'));
    expect(await screen.findByText('1 result · Page 1 of 1')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Admin Item 07' })).toBeInTheDocument();
  });
});

describe('admin product form', { timeout: ADMIN_TEST_TIMEOUT_MS }, () => {
  it('checks price and stock before sending, then creates the product with the price in cents', async () => {
    const { user, url } = renderApp('/admin/products/new', { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Create product' }));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Name is required.');
    expect(screen.getByLabelText('Price (USD)')).toHaveAccessibleDescription('Price is required.');
    expect(screen.getByLabelText('Stock')).toHaveAccessibleDescription('Stock is required.');
    expect(screen.getByLabelText('Category')).toHaveAccessibleDescription('Category is required.');

    await user.type(screen.getByLabelText('Name'), 'Walnut Tray');
    await user.type(screen.getByLabelText('Price (USD)'), '12.345');
    await user.type(screen.getByLabelText('Stock'), '2.5');
    await user.click(screen.getByRole('button', { name: 'Create product' }));
    expect(screen.getByLabelText('Price (USD)')).toHaveAccessibleDescription(
      'Price must be an amount such as 12.50.',
    );
    expect(screen.getByLabelText('Stock')).toHaveAccessibleDescription('Stock must be a whole number.');

    await user.clear(screen.getByLabelText('Price (USD)'));
    await user.type(screen.getByLabelText('Price (USD)'), '1000001');
    await user.click(screen.getByRole('button', { name: 'Create product' }));
    expect(screen.getByLabelText('Price (USD)')).toHaveAccessibleDescription(
      'Price must be at most 1000000.00.',
    );
    expect(fakeAccount.requests).not.toContain('POST /admin/products');

    await user.clear(screen.getByLabelText('Price (USD)'));
    await user.type(screen.getByLabelText('Price (USD)'), '12.5');
    await user.clear(screen.getByLabelText('Stock'));
    await user.type(screen.getByLabelText('Stock'), '7');
    await user.selectOptions(screen.getByLabelText('Category'), 'Kitchen');
    await user.click(screen.getByRole('button', { name: 'Create product' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Walnut Tray' })).toBeInTheDocument();
    expect(fakeAccount.bodies.get('POST /admin/products')).toEqual({
      name: 'Walnut Tray',
      description: '',
      priceCents: 1250,
      stock: 7,
      category: 'kitchen',
    });
    const created = adminFake.products.at(-1)!;
    expect(url()).toBe(`/admin/products/${created.id}`);
    expect(notifications()).toHaveTextContent('Walnut Tray was created.');
  });

  it('edits a product, sending only what changed', async () => {
    const product = adminFake.products[2]!;
    const { user } = renderApp(`/admin/products/${product.id}`, { signedIn: true });
    const price = await screen.findByLabelText('Price (USD)');
    expect(price).toHaveValue('13.00');
    await user.clear(price);
    await user.type(price, '19.99');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(notifications()).toHaveTextContent(`${product.name} was saved.`));
    expect(fakeAccount.bodies.get(`PATCH /admin/products/${product.id}`)).toEqual({ priceCents: 1999 });
    expect(adminFake.products[2]!.priceCents).toBe(1999);
  });

  it('shows the API’s field messages beside the fields', async () => {
    // The form checks what it can; the API's refusal of the rest still lands beside its field.
    server.use(
      http.patch(`${TEST_API}/admin/products/:id`, () =>
        validationProblem([{ path: '/description', message: 'is too long' }]),
      ),
    );
    const product = adminFake.products[0]!;
    const { user } = renderApp(`/admin/products/${product.id}`, { signedIn: true });
    await user.type(await screen.findByLabelText(/Description/), ' More.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct the fields marked below.');
    expect(screen.getByLabelText(/Description/)).toHaveAccessibleDescription('Description is too long.');
  });
});

describe('archiving a product', { timeout: ADMIN_TEST_TIMEOUT_MS }, () => {
  it('asks first; Cancel sends nothing, confirming archives it', async () => {
    const product = adminFake.products[4]!;
    const { user } = renderApp(`/admin/products/${product.id}`, { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Archive' }));
    const dialog = screen.getByRole('alertdialog', { name: `Archive ${product.name}?` });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(fakeAccount.requests).not.toContain(`DELETE /admin/products/${product.id}`);

    await user.click(screen.getByRole('button', { name: 'Archive' }));
    await user.click(screen.getByRole('button', { name: 'Archive product' }));
    await waitFor(() => expect(notifications()).toHaveTextContent(`${product.name} was archived.`));
    expect(fakeAccount.requests).toContain(`DELETE /admin/products/${product.id}`);
    expect(await screen.findByText(/Archived: hidden from the shop/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archive' })).not.toBeInTheDocument();
  });
});

describe('product image upload', { timeout: ADMIN_TEST_TIMEOUT_MS }, () => {
  const fileInput = () => screen.findByLabelText('Image file');
  const choose = async (file: File) => fireEvent.change(await fileInput(), { target: { files: [file] } });

  it('refuses a file of the wrong type or over 5 MB without sending it, and uploads a good one', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:preview');
    URL.revokeObjectURL = vi.fn();
    const product = adminFake.products[0]!;
    const { user } = renderApp(`/admin/products/${product.id}`, { signedIn: true });
    const upload = () => screen.getByRole('button', { name: 'Upload image' });

    await choose(new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    expect(await fileInput()).toHaveAccessibleDescription(
      expect.stringContaining('Choose a PNG, JPEG or WebP image.'),
    );
    expect(upload()).toBeDisabled();

    await choose(new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.png', { type: 'image/png' }));
    expect(await fileInput()).toHaveAccessibleDescription(expect.stringContaining('larger than 5 MB'));
    expect(upload()).toBeDisabled();
    expect(screen.queryByRole('img', { name: 'Preview of the chosen file' })).not.toBeInTheDocument();

    await choose(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'tray.png', { type: 'image/png' }));
    expect(await screen.findByRole('img', { name: 'Preview of the chosen file' })).toHaveAttribute(
      'src',
      'blob:preview',
    );
    await user.click(upload());
    await waitFor(() => expect(notifications()).toHaveTextContent('The image was uploaded.'));
    expect(adminFake.uploads).toEqual([{ productId: product.id, type: 'image/png' }]);
    expect(await screen.findByRole('img', { name: 'Current product' })).toHaveAttribute(
      'src',
      `/images/products/${product.slug}.webp`,
    );
  });
});

describe('stock adjustment', { timeout: ADMIN_TEST_TIMEOUT_MS }, () => {
  it('needs a reason and a non-zero change, then adjusts', async () => {
    const product = adminFake.products[0]!; // 11 in stock
    const { user } = renderApp(`/admin/products/${product.id}`, { signedIn: true });
    const form = await screen.findByRole('form', { name: 'Adjust stock' });
    await user.type(within(form).getByLabelText('Change'), '-12');
    await user.click(within(form).getByRole('button', { name: 'Adjust stock' }));
    expect(within(form).getByLabelText('Change')).toHaveAccessibleDescription(
      expect.stringContaining('Change must be at least -11.'),
    );
    expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription('Reason is required.');

    await user.clear(within(form).getByLabelText('Change'));
    await user.type(within(form).getByLabelText('Change'), '-3');
    await user.type(within(form).getByLabelText('Reason'), 'Broken in the warehouse');
    await user.click(within(form).getByRole('button', { name: 'Adjust stock' }));
    await waitFor(() => expect(notifications()).toHaveTextContent('Stock adjusted. 8 in stock now.'));
    expect(fakeAccount.bodies.get(`POST /admin/products/${product.id}/stock`)).toEqual({
      delta: -3,
      reason: 'Broken in the warehouse',
    });
  });
});
