import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { lastProductQuery, problem, productRequests, TEST_API } from '../../testing/handlers.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { server } from '../../testing/server.ts';

const productsRegion = () => screen.getByRole('region', { name: 'Products' });

/** Waits until the category list has arrived, so the select offers the real categories. */
const categorySelect = async () => {
  await screen.findByRole('option', { name: 'Lighting (9)' });
  return screen.getByLabelText('Category');
};

describe('catalog page', () => {
  it('shows a loading state, then the products from the API', async () => {
    renderApp('/');
    expect(screen.getByText('Loading products…')).toHaveAttribute('role', 'status');

    const lamp = await screen.findByRole('link', { name: 'Brass Desk Lamp' });
    expect(lamp).toHaveAttribute('href', '/products/brass-desk-lamp');
    expect(screen.getByRole('img', { name: 'Brass Desk Lamp' })).toHaveAttribute(
      'src',
      '/images/products/brass-desk-lamp.svg',
    );
    const card = lamp.closest('article')!;
    expect(within(card).getByText('$89.00')).toBeInTheDocument();
    expect(within(card).getByText('Only 2 left')).toBeInTheDocument();
    expect(
      within(screen.getByRole('link', { name: 'Paper Floor Lamp' }).closest('article')!).getByText(
        'Out of stock',
      ),
    ).toBeInTheDocument();

    expect(screen.getByRole('status', { name: '' }).textContent).toBe('26 products, page 1 of 3');
    expect(within(productsRegion()).getAllByRole('listitem')).toHaveLength(12);
    expect(screen.getByRole('heading', { level: 1, name: 'All products' })).toBeInTheDocument();
    expect(document.title).toBe('Shop · SecureCart');
    expect(lastProductQuery()).toEqual({ sort: 'relevance', page: '1', pageSize: '12' });
  });

  it('lists categories with their product counts', async () => {
    renderApp('/');
    const select = await categorySelect();
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['All categories', 'Lighting (9)', 'Audio (9)', 'Kitchen (8)']);
  });

  it('puts the category in the URL, refetches with it, and Back restores the previous view', async () => {
    const { user, url, router } = renderApp('/');
    await screen.findByRole('link', { name: 'Brass Desk Lamp' });

    await user.selectOptions(await categorySelect(), 'audio');

    await waitFor(() => expect(url()).toBe('/?category=audio'));
    await waitFor(() => expect(lastProductQuery()).toMatchObject({ category: 'audio', page: '1' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Audio' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Wireless Headphones' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Brass Desk Lamp' })).not.toBeInTheDocument(),
    );

    const requestsBeforeBack = productRequests.length;
    await router.navigate(-1);
    await waitFor(() => expect(url()).toBe('/'));
    expect(await screen.findByRole('link', { name: 'Brass Desk Lamp' })).toBeInTheDocument();
    expect(screen.getByLabelText('Category')).toHaveValue('');
    // The previous view comes straight from the query cache.
    expect(productRequests).toHaveLength(requestsBeforeBack);
  });

  it('sends the sort order and the in-stock filter, and starts again at page 1', async () => {
    const { user, url } = renderApp('/?page=2');
    await screen.findByText('Page 2 of 3');

    await user.selectOptions(screen.getByLabelText('Sort by'), 'Price: high to low');
    await waitFor(() => expect(url()).toBe('/?sort=price_desc'));
    await waitFor(() => expect(lastProductQuery()).toMatchObject({ sort: 'price_desc', page: '1' }));

    await user.click(screen.getByLabelText('In stock only'));
    await waitFor(() => expect(url()).toBe('/?inStock=true&sort=price_desc'));
    await waitFor(() =>
      expect(lastProductQuery()).toMatchObject({ inStock: 'true', sort: 'price_desc', page: '1' }),
    );
    expect(await screen.findByText(/^21 products/)).toBeInTheDocument();
    expect(screen.getByLabelText('In stock only')).toBeChecked();

    // The first card is the most expensive product in stock.
    const firstCard = within(productsRegion()).getAllByRole('article')[0]!;
    expect(within(firstCard).getByRole('link', { name: 'Wireless Headphones' })).toBeInTheDocument();
  });

  it('turns the dollar amounts a shopper types into cents', async () => {
    const { user, url } = renderApp('/');
    await screen.findByRole('link', { name: 'Brass Desk Lamp' });

    await user.type(screen.getByLabelText('Min price ($)'), '10');
    await user.type(screen.getByLabelText('Max price ($)'), '49.99{Enter}');

    await waitFor(() => expect(url()).toBe('/?minPriceCents=1000&maxPriceCents=4999'));
    await waitFor(() =>
      expect(lastProductQuery()).toMatchObject({ minPriceCents: '1000', maxPriceCents: '4999' }),
    );
    // A shared link fills the boxes back in dollars.
    expect(screen.getByLabelText('Min price ($)')).toHaveValue('10');
    expect(screen.getByLabelText('Max price ($)')).toHaveValue('49.99');
  });

  it('explains a price it cannot use instead of sending it', async () => {
    const { user, url } = renderApp('/');
    await screen.findByRole('link', { name: 'Brass Desk Lamp' });
    const requestsBefore = productRequests.length;

    await user.type(screen.getByLabelText('Min price ($)'), '50');
    await user.type(screen.getByLabelText('Max price ($)'), '20');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('must not be more than the maximum');

    await user.clear(screen.getByLabelText('Max price ($)'));
    await user.type(screen.getByLabelText('Max price ($)'), 'ten');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter prices in dollars');
    expect(screen.getByLabelText('Max price ($)')).toHaveAttribute('aria-invalid', 'true');

    expect(url()).toBe('/');
    expect(productRequests).toHaveLength(requestsBefore);
  });

  it('pages with Previous and Next links', async () => {
    const { user, url } = renderApp('/');
    expect(await screen.findByText('Page 1 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Previous/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: /Next/ }));
    await waitFor(() => expect(url()).toBe('/?page=2'));
    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
    expect(lastProductQuery()).toMatchObject({ page: '2', pageSize: '12' });

    await user.click(screen.getByRole('link', { name: /Next/ }));
    expect(await screen.findByText('Page 3 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Next/ })).not.toBeInTheDocument();
    await waitFor(() => expect(within(productsRegion()).getAllByRole('article')).toHaveLength(2));

    await user.click(screen.getByRole('link', { name: /Previous/ }));
    await waitFor(() => expect(url()).toBe('/?page=2'));
    await user.click(screen.getByRole('link', { name: /Previous/ }));
    await waitFor(() => expect(url()).toBe('/'));
    expect(await screen.findByText('Page 1 of 3')).toBeInTheDocument();
  });

  it('keeps the filters when paging', async () => {
    const { user, url } = renderApp('/?inStock=true&sort=price_asc');
    await user.click(await screen.findByRole('link', { name: /Next/ }));
    await waitFor(() => expect(url()).toBe('/?inStock=true&sort=price_asc&page=2'));
    await waitFor(() =>
      expect(lastProductQuery()).toMatchObject({ inStock: 'true', sort: 'price_asc', page: '2' }),
    );
  });

  it('searches from the header and shows what was searched for', async () => {
    const { user, url } = renderApp('/?category=audio');
    await screen.findByRole('link', { name: 'Wireless Headphones' });

    const search = screen.getByRole('search');
    await user.type(within(search).getByLabelText('Search products'), 'lamp');
    await user.click(within(search).getByRole('button', { name: 'Search' }));

    await waitFor(() => expect(url()).toBe('/?q=lamp'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Results for “lamp”' })).toBeInTheDocument();
    await waitFor(() => expect(lastProductQuery()).toMatchObject({ q: 'lamp' }));
    expect(await screen.findByText('2 products')).toBeInTheDocument();
    expect(document.title).toBe('Results for “lamp” · SecureCart');
  });

  it('says so when nothing matches, and clears the filters on request', async () => {
    const { user, url } = renderApp('/?q=lamp&category=audio');
    expect(await screen.findByRole('heading', { name: 'No products found' })).toBeInTheDocument();
    expect(screen.getByText('0 products')).toBeInTheDocument();

    await user.click(within(productsRegion()).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(url()).toBe('/?q=lamp'));
    expect(await screen.findByRole('link', { name: 'Brass Desk Lamp' })).toBeInTheDocument();
  });

  it('shows an error with a retry button when the API fails, and recovers on retry', async () => {
    server.use(http.get(`${TEST_API}/products`, () => problem(500, 'Internal Server Error'), { once: true }));
    const { user } = renderApp('/');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Products could not be loaded');
    expect(alert).toHaveTextContent('The shop is having trouble right now');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Brass Desk Lamp' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('still filters when the category list cannot be loaded', async () => {
    server.use(http.get(`${TEST_API}/categories`, () => HttpResponse.error()));
    renderApp('/?category=audio');
    expect(await screen.findByRole('link', { name: 'Wireless Headphones' })).toBeInTheDocument();
    expect(await screen.findByText(/Categories could not be loaded/)).toBeInTheDocument();
    expect(screen.getByLabelText('Category')).toHaveValue('audio');
  });
});
