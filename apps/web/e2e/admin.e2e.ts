import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../api/test/auth.ts';
import { tinyPng } from '../../api/test/images.ts';
import { chromiumAvailable, openPage, shopAndBrowser } from './harness.ts';
import { signIn, toast } from './helpers.ts';

const hasChromium = chromiumAvailable();

const JOURNEY_TIMEOUT_MS = 180_000;
const PRODUCT = 'Walnut Serving Tray E2E';

/** The customer's order history lists the order with this status. */
async function expectCustomerSees(page: Page, number: string, status: string) {
  await page.goto('/account/orders');
  const order = page.getByRole('list', { name: 'Orders' }).getByRole('listitem').filter({ hasText: number });
  await order.waitFor();
  expect(await order.textContent()).toContain(status);
}

describe.skipIf(!hasChromium)('the admin back office in Chromium', () => {
  const env = shopAndBrowser();

  it(
    'creates a product with an image; a customer buys it; the admin ships and refunds it; the customer sees it',
    async () => {
      const db = env.shop.db.handle.db;
      const admin = await createUser(db, {
        role: 'admin',
        email: 'admin.e2e@example.test',
        name: 'Ada Admin',
      });
      const customer = await createUser(db, { email: 'grace.e2e@example.test', name: 'Grace Hopper' });

      // The admin creates the product and uploads its image.
      const office = await openPage(env.browser, { baseUrl: env.shop.baseUrl });
      const a = office.page;
      await a.goto('/admin/products/new');
      await signIn(a, admin.user.email, admin.password);
      await a.getByRole('heading', { level: 1, name: 'New product' }).waitFor();
      await a.getByLabel('Name').fill(PRODUCT);
      await a.getByLabel('Description').fill('Oiled walnut, made to last.');
      await a.getByLabel('Price (USD)').fill('24.50');
      await a.getByLabel('Stock').fill('5');
      await a.getByLabel('Category').selectOption({ label: 'Kitchen' });
      await a.getByRole('button', { name: 'Create product' }).click();
      await a.getByRole('heading', { level: 1, name: PRODUCT }).waitFor();
      await toast(a, `${PRODUCT} was created. Add an image below.`);

      await a
        .getByLabel('Image file')
        .setInputFiles({ name: 'tray.png', mimeType: 'image/png', buffer: tinyPng() });
      await a.getByRole('img', { name: 'Preview of the chosen file' }).waitFor();
      await a.getByRole('button', { name: 'Upload image' }).click();
      await toast(a, 'The image was uploaded.');
      const imageUrl = await a.getByRole('img', { name: 'Current product' }).getAttribute('src');
      expect(imageUrl).toMatch(/^\/.+\.(png|webp|jpe?g)$/);
      const productPath = await a.getByRole('link', { name: 'View in the shop' }).getAttribute('href');

      // It is in the shop's catalog, with its image.
      const shopper = await openPage(env.browser, { baseUrl: env.shop.baseUrl });
      const c = shopper.page;
      await c.goto('/login');
      await signIn(c, customer.user.email, customer.password);
      await c.getByRole('button', { name: /Grace Hopper/ }).waitFor();
      await c.goto(`/?q=${encodeURIComponent('Walnut Serving Tray')}`);
      await c.getByRole('link', { name: PRODUCT }).first().click();
      await c.getByRole('heading', { level: 1, name: PRODUCT }).waitFor();
      expect(new URL(c.url()).pathname).toBe(productPath);
      expect(await c.locator(`img[src="${imageUrl}"]`).count()).toBeGreaterThan(0);

      // The customer buys it through the shop's cart and checkout.
      await c.getByRole('button', { name: 'Add to cart' }).click();
      await c.getByRole('link', { name: 'View cart' }).click();
      await c.getByRole('link', { name: 'Check out' }).click();
      await c.getByLabel('Full name').fill('Grace Hopper');
      await c.getByLabel('Address line 1').fill('1 Navy Way');
      await c.getByLabel('City').fill('Arlington');
      await c.getByLabel('State').fill('VA');
      await c.getByLabel('ZIP code').fill('22201');
      await c.getByRole('button', { name: 'Continue to shipping' }).click();
      await c.getByRole('radio', { name: /^Standard/ }).check();
      await c.getByRole('button', { name: 'Continue to payment' }).click();
      await c.getByLabel('Card number').fill('4242424242424242');
      await c.getByLabel('Expiry date').fill('04/39');
      await c.getByLabel('CVC').fill('123');
      await c.getByRole('button', { name: 'Continue to review' }).click();
      await c.getByRole('button', { name: 'Place order' }).click();
      await c.getByRole('heading', { level: 1, name: 'Thank you for your order' }).waitFor();
      const number = (await c.getByTestId('order-number').textContent())?.trim() ?? '';
      expect(number).toMatch(/^SC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      // The admin finds the order by the customer's email, ships it and refunds part of it.
      await a.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Orders' }).click();
      const filters = a.getByRole('search', { name: 'Filter orders' });
      await filters.getByLabel('Search').fill(customer.user.email);
      await filters.getByRole('button', { name: 'Apply' }).click();
      await a.getByRole('link', { name: number }).click();
      await a.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
      await a.getByRole('rowheader', { name: PRODUCT }).waitFor();

      const ship = a.getByRole('form', { name: 'Mark as shipped' });
      await ship.getByLabel('Carrier').fill('UPS');
      await ship.getByLabel('Tracking number').fill('1Z999AA10123456784');
      await ship.getByRole('button', { name: 'Mark as shipped' }).click();
      await toast(a, `Order ${number} is marked as shipped.`);
      await expectCustomerSees(c, number, 'Shipped');

      const refund = a.getByRole('form', { name: 'Refund' });
      await refund.getByLabel('Amount (USD) (optional)').fill('5');
      await refund.getByLabel('Reason').fill('A scratch on the rim');
      await refund.getByRole('button', { name: 'Refund…' }).click();
      await a
        .getByRole('alertdialog', { name: 'Refund $5.00?' })
        .getByRole('button', { name: 'Refund' })
        .click();
      await toast(a, `Refunded $5.00 on order ${number}.`);
      await expect.poll(() => a.getByText(/^Status:/).textContent()).toContain('Partly refunded');

      // The customer's order history shows the new status.
      await expectCustomerSees(c, number, 'Partly refunded');

      // A partial refund does not end fulfilment: the shipped order can still be completed.
      await a.getByRole('button', { name: 'Mark as completed' }).click();
      await toast(a, `Order ${number} is marked as completed.`);
      await expectCustomerSees(c, number, 'Delivered');

      // The order list sorts on the server by a header click.
      await a.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Orders' }).click();
      await a.getByRole('button', { name: /Total/ }).click();
      await a
        .getByRole('columnheader', { name: /Total/, exact: false })
        .and(a.locator('[aria-sort="descending"]'))
        .waitFor();

      // The dashboard draws its charts from the real reports.
      await a.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Dashboard' }).click();
      await a.getByRole('img', { name: /Revenue per day, last 30 days/ }).waitFor();
      await a.getByRole('img', { name: /Orders by status/ }).waitFor();

      office.expectNoProblems();
      shopper.expectNoProblems();
      await office.close();
      await shopper.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it('shows a customer the 403 page at /admin, and the API refuses them as well', async () => {
    const db = env.shop.db.handle.db;
    const customer = await createUser(db, { email: 'curious.e2e@example.test', name: 'Curious Customer' });
    const { page, expectNoProblems, close } = await openPage(env.browser, {
      baseUrl: env.shop.baseUrl,
      allowConsoleErrors: [/status of 403 .*\/api\/v1\/admin\/orders/],
    });
    await page.goto('/admin/orders');
    await signIn(page, customer.user.email, customer.password);
    await page.getByRole('heading', { level: 1, name: 'You do not have access to this area' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/orders');

    const status = await page.evaluate(async () => {
      const refreshed = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { 'x-csrf': '1' } });
      const { accessToken } = (await refreshed.json()) as { accessToken: string };
      const answer = await fetch('/api/v1/admin/orders', {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      return answer.status;
    });
    expect(status).toBe(403);
    expectNoProblems();
    await close();
  });

  it('puts the navigation above the content on a 360 px phone, without sideways scrolling', async () => {
    const admin = await createUser(env.shop.db.handle.db, { role: 'admin', email: 'phone.e2e@example.test' });
    const { page, expectNoProblems, close } = await openPage(env.browser, {
      baseUrl: env.shop.baseUrl,
      viewport: { width: 360, height: 740 },
    });
    await page.goto('/admin');
    await signIn(page, admin.user.email, admin.password);
    await page.getByRole('img', { name: /Orders by status/ }).waitFor();
    const nav = await page.getByRole('navigation', { name: 'Admin' }).boundingBox();
    const main = await page.getByRole('main').boundingBox();
    expect(nav && main && nav.y + nav.height <= main.y).toBe(true);
    expect(nav?.width).toBeGreaterThan(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expectNoProblems();
    await close();
  });
});
