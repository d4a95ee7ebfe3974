import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../api/test/auth.ts';
import { createRecordingMailer } from '../../api/test/fakes/recording-mailer.ts';
import { chromiumAvailable, openPage, shopAndBrowser } from './harness.ts';
import { addFirstProductToCart, horizontalOverflow, mailedLink } from './helpers.ts';

const hasChromium = chromiumAvailable();
const JOURNEY_TIMEOUT_MS = 120_000;
const PHONE = { width: 360, height: 740 };
const TEST_CARD = '4242424242424242';

async function openCheckoutFromCart(page: Page) {
  await page.getByRole('link', { name: 'Cart, 1 item' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your cart' }).waitFor();
  await page.getByRole('link', { name: 'Check out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
}

async function fillAddress(page: Page) {
  await page.getByLabel('Full name').fill('Grace Hopper');
  await page.getByLabel('Address line 1').fill('1 Navy Way');
  await page.getByLabel('City').fill('Arlington');
  await page.getByLabel('State').fill('VA');
  await page.getByLabel('ZIP code').fill('22201');
}

/** From the shipping step to the confirmation; answers the order number. */
async function shipPayAndPlace(page: Page): Promise<string> {
  await page.getByRole('radio', { name: /^Standard/ }).check();
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.getByLabel('Card number').fill(TEST_CARD);
  await page.getByLabel('Expiry date').fill('04/39');
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await page.getByRole('heading', { name: 'Review your order' }).waitFor();
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thank you for your order' }).waitFor();
  const number = ((await page.getByTestId('order-number').textContent()) ?? '').trim();
  expect(number).toMatch(/^SC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return number;
}

describe.skipIf(!hasChromium)('checkout journeys in Chromium', () => {
  const mail = createRecordingMailer();
  const env = shopAndBrowser({}, { mailer: mail.mailer });

  it(
    'a guest checks out on a 360 px phone and follows the order from the confirmation email',
    async () => {
      const email = 'guest.checkout.e2e@example.test';
      const { page, expectNoProblems, close } = await openPage(env.browser, {
        baseUrl: env.shop.baseUrl,
        viewport: PHONE,
        // The wrong-token lookup at the end is answered 404 on purpose.
        allowConsoleErrors: [/status of 404 .*\/api\/v1\/orders\/SC-.*token=not-the-right-token/],
      });
      const product = await addFirstProductToCart(page);
      await openCheckoutFromCart(page);

      const progress = page.getByRole('navigation', { name: 'Checkout progress' });
      expect(await progress.locator('[aria-current="step"]').textContent()).toBe('Address');
      await page.getByLabel('Email').fill(email);
      await fillAddress(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'Continue to shipping' }).click();
      await page.getByRole('radio', { name: /^Standard/ }).waitFor();
      expect(await progress.locator('[aria-current="step"]').textContent()).toBe('Shipping');
      const number = await shipPayAndPlace(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.getByRole('link', { name: 'Create an account' }).waitFor();
      await page.getByRole('link', { name: 'Cart, 0 items' }).waitFor();
      // Nothing about the card is kept in the browser.
      expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(
        '4242',
      );

      const link = await mailedLink(mail, email, 'order_confirmation', `/orders/${number}`);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
      await page.getByRole('cell', { name: product }).waitFor();
      const timeline = page.getByRole('list', { name: 'Status history' });
      expect(await timeline.textContent()).toContain('Paid');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // The same link with a wrong token shows no order.
      const wrong = new URL(link);
      wrong.searchParams.set('token', 'not-the-right-token-at-all');
      await page.goto(wrong.toString().replace(env.shop.baseUrl, ''));
      await page.getByRole('heading', { name: 'We could not find that order' }).waitFor();

      expectNoProblems();
      await close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'a signed-in customer picks a saved address and then finds the order and its timeline in the account',
    async () => {
      const customer = await createUser(env.shop.db.handle.db, {
        email: 'saved.address.e2e@example.test',
        name: 'Ada Lovelace',
      });
      const login = await env.shop.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: customer.user.email, password: customer.password, client: 'api' },
      });
      const saved = await env.shop.app.inject({
        method: 'POST',
        url: '/api/v1/me/addresses',
        headers: { authorization: `Bearer ${login.json().accessToken}` },
        payload: {
          name: 'Ada Lovelace',
          line1: '12 St James Square',
          city: 'London',
          postalCode: 'SW1Y 4JH',
          country: 'GB',
          isDefault: true,
        },
      });
      expect(saved.statusCode).toBe(201);

      const { page, expectNoProblems, close } = await openPage(env.browser, { baseUrl: env.shop.baseUrl });
      await page.goto('/login');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.getByLabel('Email', { exact: true }).fill(customer.user.email);
      await page.getByLabel('Password', { exact: true }).fill(customer.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('button', { name: /Ada Lovelace/ }).waitFor();

      await addFirstProductToCart(page);
      await openCheckoutFromCart(page);
      const picker = page.getByRole('group', { name: 'Ship to' });
      const home = picker.getByRole('radio', { name: 'Ada Lovelace, 12 St James Square, London' });
      await expect.poll(() => home.isChecked()).toBe(true);
      expect(await page.getByLabel('Email').count()).toBe(0);
      await page.getByRole('button', { name: 'Continue to shipping' }).click();
      const number = await shipPayAndPlace(page);

      await page.goto('/account/orders');
      const row = page
        .getByRole('list', { name: 'Orders' })
        .getByRole('listitem')
        .filter({ hasText: number });
      expect(await row.textContent()).toContain('Paid');
      await row.getByRole('link', { name: `Order ${number}` }).click();
      await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
      const timeline = page.getByRole('list', { name: 'Status history' });
      await timeline.waitFor();
      expect(await timeline.getByRole('listitem').allTextContents()).toEqual([
        expect.stringMatching(/^Paid .*Order placed and paid$/),
      ]);
      expect(await page.getByRole('region', { name: 'Shipping address' }).textContent()).toContain(
        '12 St James Square',
      );

      expectNoProblems();
      await close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'resumes a checkout after a reload with the entered data back, and finishes it',
    async () => {
      const { page, expectNoProblems, close } = await openPage(env.browser, { baseUrl: env.shop.baseUrl });
      await addFirstProductToCart(page);
      await openCheckoutFromCart(page);
      await page.getByLabel('Email').fill('reload.e2e@example.test');
      // Leaving the email field starts the guest's draft on the server.
      await page.getByLabel('Email').press('Tab');
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem('securecart.checkoutId')))
        .toBeTruthy();
      await fillAddress(page);
      await expect.poll(() => page.evaluate(() => Object.values(sessionStorage).join())).toContain('22201');

      await page.reload();
      await page.getByText('You have a checkout in progress').waitFor();
      await page.getByRole('link', { name: 'Resume checkout' }).click();
      expect(await page.getByLabel('Full name').inputValue()).toBe('Grace Hopper');
      expect(await page.getByLabel('Email').inputValue()).toBe('reload.e2e@example.test');
      expect(await page.getByLabel('ZIP code').inputValue()).toBe('22201');

      await page.getByRole('button', { name: 'Continue to shipping' }).click();
      await shipPayAndPlace(page);
      // The finished checkout leaves nothing behind in the browser.
      expect(await page.evaluate(() => localStorage.getItem('securecart.checkoutId'))).toBeNull();

      expectNoProblems();
      await close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
