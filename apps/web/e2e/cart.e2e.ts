import { describe, expect, it } from 'vitest';
import { chromiumAvailable, openPage, shopAndBrowser } from './harness.ts';
import { addFirstProductToCart, horizontalOverflow } from './helpers.ts';

const hasChromium = chromiumAvailable();
const PHONE = { width: 360, height: 740 };

describe.skipIf(!hasChromium)('cart journey in Chromium', () => {
  const env = shopAndBrowser();

  it('adds from the catalog on a phone, changes the quantity on /cart and keeps the header count', async () => {
    const { page, expectNoProblems, close } = await openPage(env.browser, {
      baseUrl: env.shop.baseUrl,
      viewport: PHONE,
    });
    const name = await addFirstProductToCart(page);

    // Nothing on the page is wider than the phone.
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('link', { name: 'Cart, 1 item' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your cart' }).waitFor();
    const quantity = page.getByLabel(`Quantity of ${name}`, { exact: true });
    expect(await quantity.inputValue()).toBe('1');
    const summary = page.getByRole('region', { name: 'Order summary' });
    const subtotalBefore = await summary.locator('dt:text-is("Subtotal") + dd').textContent();

    await page.getByRole('button', { name: `Increase quantity of ${name}` }).click();
    await page.getByRole('link', { name: 'Cart, 2 items' }).waitFor();
    expect(await quantity.inputValue()).toBe('2');
    await expect
      .poll(() => summary.locator('dt:text-is("Subtotal") + dd').textContent())
      .not.toBe(subtotalBefore);

    // Keyboard: type a quantity and press Enter.
    await quantity.fill('3');
    await quantity.press('Enter');
    await page.getByRole('link', { name: 'Cart, 3 items' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: `Remove ${name}` }).click();
    await page.getByRole('heading', { name: 'Your cart is empty' }).waitFor();
    await page.getByRole('link', { name: 'Cart, 0 items' }).waitFor();

    expectNoProblems();
    await close();
  });
});
