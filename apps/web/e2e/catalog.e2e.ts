import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, openPage, shopAndBrowser } from './harness.ts';
import { settledResults } from './helpers.ts';

const hasChromium = chromiumAvailable();

async function productNames(page: Page): Promise<string[]> {
  const results = await settledResults(page);
  return results.getByRole('article').getByRole('heading').allTextContents();
}

const searchParams = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

describe.skipIf(!hasChromium)('catalog journey in Chromium', () => {
  const env = shopAndBrowser();

  it('browses, searches, filters and opens a product under the production CSP', async () => {
    const { page, expectNoProblems, close } = await openPage(env.browser, { baseUrl: env.shop.baseUrl });

    // The catalog, served by the API with its strict Content-Security-Policy.
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { level: 1, name: 'All products' }).waitFor();
    expect(await page.title()).toBe('Shop · SecureCart');
    const results = await settledResults(page);
    expect(await results.getByRole('article').count()).toBe(12);
    const total = Number(
      ((await results.getByRole('status').textContent()) ?? '').match(/^(\d+) products/)?.[1],
    );
    expect(total).toBeGreaterThanOrEqual(40);
    expect(await page.getByLabel('Category').locator('option').count()).toBeGreaterThanOrEqual(8);
    // Product images load from the API.
    const firstImage = results.getByRole('article').first().getByRole('img');
    await expect
      .poll(() => firstImage.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);

    // Search from the header.
    const search = page.getByRole('search');
    await search.getByLabel('Search products').fill('lamp');
    await search.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'lamp');
    await page.getByRole('heading', { level: 1, name: 'Results for “lamp”' }).waitFor();
    const lamps = await productNames(page);
    expect(lamps.length).toBeGreaterThanOrEqual(2);
    for (const name of lamps) expect(name).toMatch(/lamp/i);

    // Narrow to one category, in stock only; every filter lands in the URL.
    await page.getByLabel('Category').selectOption('home-office');
    await page.waitForURL((url) => url.searchParams.get('category') === 'home-office');
    await page.getByLabel('In stock only').check();
    await page.waitForURL((url) => url.searchParams.get('inStock') === 'true');
    expect(searchParams(page)).toEqual({ q: 'lamp', category: 'home-office', inStock: 'true' });
    const deskLamps = await productNames(page);
    expect(deskLamps).toEqual(
      expect.arrayContaining(['Brass Arc Desk Lamp', 'Architect Swing-Arm Task Lamp']),
    );
    expect(await (await settledResults(page)).getByText('Out of stock').count()).toBe(0);

    // Back undoes the last filter.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('inStock'));
    expect(await page.getByLabel('In stock only').isChecked()).toBe(false);
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('inStock') === 'true');

    // Open a product.
    await page.getByRole('link', { name: 'Brass Arc Desk Lamp' }).click();
    await page.waitForURL('**/products/brass-arc-desk-lamp');
    const heading = page.getByRole('heading', { level: 1, name: 'Brass Arc Desk Lamp' });
    await heading.waitFor();
    const main = page.getByRole('main');
    await main.getByText('$89.00').waitFor();
    await main.getByText('In stock').waitFor();
    expect(await page.title()).toBe('Brass Arc Desk Lamp · SecureCart');

    // A deep link loads directly: the server falls back to index.html for client routes.
    const deepLink = await page.goto('/products/brass-arc-desk-lamp');
    expect(deepLink?.status()).toBe(200);
    expect(deepLink?.headers()['cache-control']).toBe('no-cache');
    await heading.waitFor();
    await page.reload();
    await heading.waitFor();

    // An unknown client route shows the SPA's 404 page.
    await page.goto('/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found · SecureCart');
    await page.getByRole('link', { name: 'Go to the catalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'All products' }).waitFor();

    expectNoProblems();
    await close();
  });

  it('pages through the catalog and applies a price range in dollars', async () => {
    const { page, expectNoProblems, close } = await openPage(env.browser, { baseUrl: env.shop.baseUrl });
    await page.goto('/');
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await pagination.getByText(/^Page 1 of \d+$/).waitFor();
    await pagination.getByRole('link', { name: 'Next' }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await pagination.getByText(/^Page 2 of \d+$/).waitFor();

    await page.getByLabel('Min price ($)').fill('20');
    await page.getByLabel('Max price ($)').fill('49.99');
    await page.getByLabel('Max price ($)').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('maxPriceCents') === '4999');
    expect(searchParams(page)).toEqual({ minPriceCents: '2000', maxPriceCents: '4999' });

    const results = await settledResults(page);
    const prices = await results.getByRole('article').locator('.price').allTextContents();
    expect(prices.length).toBeGreaterThan(0);
    for (const price of prices) {
      const cents = Math.round(Number(price.replace(/[$,]/g, '')) * 100);
      expect(cents).toBeGreaterThanOrEqual(2000);
      expect(cents).toBeLessThanOrEqual(4999);
    }

    expectNoProblems();
    await close();
  });

  it('shows "Product not found" for a product that does not exist', async () => {
    // The browser itself logs the API's 404 for the missing product; that one is expected.
    const { page, expectNoProblems, close } = await openPage(env.browser, {
      baseUrl: env.shop.baseUrl,
      allowConsoleErrors: [/status of 404/],
    });
    await page.goto('/products/no-such-product');
    await page.getByRole('heading', { level: 1, name: 'Product not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the catalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'All products' }).waitFor();
    expectNoProblems();
    await close();
  });
});
