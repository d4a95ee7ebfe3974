import { describe, expect, it } from 'vitest';
import { createUser } from '../../api/test/auth.ts';
import { chromiumAvailable, openPage, shopAndBrowser } from './harness.ts';
import { signIn, toast } from './helpers.ts';

const hasChromium = chromiumAvailable();

const JOURNEY_TIMEOUT_MS = 120_000;
const PRODUCT = 'Cherry Step Stool E2E';

describe.skipIf(!hasChromium)('the seller area and user management in Chromium', () => {
  const env = shopAndBrowser();

  it(
    'a seller on a 360 px phone creates a product, finds it in their list, adjusts its stock and downloads their sales',
    async () => {
      const seller = await createUser(env.shop.db.handle.db, {
        role: 'seller',
        email: 'seller.e2e@example.test',
      });
      const watched = await openPage(env.browser, {
        baseUrl: env.shop.baseUrl,
        viewport: { width: 360, height: 780 },
      });
      const page = watched.page;
      await page.goto('/seller');
      await signIn(page, seller.user.email, seller.password);
      await page.getByRole('heading', { level: 1, name: 'My products' }).waitFor();
      await page.getByText('No products match these filters.').waitFor();

      await page.getByRole('link', { name: 'New product' }).click();
      await page.getByRole('button', { name: 'Create product' }).click();
      await page.getByText('Name is required.').waitFor();
      await page.getByLabel('Name').fill(PRODUCT);
      await page.getByLabel('Price (USD)').fill('39.00');
      await page.getByLabel('Stock').fill('4');
      await page.getByLabel('Category').selectOption({ label: 'Kitchen' });
      await page.getByRole('button', { name: 'Create product' }).click();
      await page.getByRole('heading', { level: 1, name: PRODUCT }).waitFor();
      await toast(page, `${PRODUCT} was created. Add an image below.`);

      await page.getByLabel('Change').fill('6');
      await page.getByLabel('Reason').fill('Delivery from the workshop');
      await page.getByRole('button', { name: 'Adjust stock' }).click();
      await toast(page, 'Stock adjusted. 10 in stock now.');

      await page.getByRole('navigation', { name: 'Seller' }).getByRole('link', { name: 'Products' }).click();
      const row = page.getByRole('row').filter({ hasText: PRODUCT });
      await row.waitFor();
      expect(await row.textContent()).toContain('$39.00');
      expect(await row.getByRole('cell').nth(3).textContent()).toBe('10');
      // Nothing sticks out sideways at 360 px except inside the table's own scroller.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await page.getByRole('navigation', { name: 'Seller' }).getByRole('link', { name: 'Sales' }).click();
      // Every day of the default 30 is a row, at zero so far.
      await page
        .getByRole('table', { name: 'Sales by period' })
        .getByRole('row', { name: 'Total 0 $0.00' })
        .waitFor();
      expect(await page.getByRole('table', { name: 'Sales by period' }).getByRole('row').count()).toBe(32);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download CSV' }).click();
      expect((await download).suggestedFilename()).toMatch(
        /^my-sales-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
      );

      watched.expectNoProblems();
      await watched.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'an admin finds a user, makes them a seller, locks and unlocks them, and reads it in the audit log',
    async () => {
      const db = env.shop.db.handle.db;
      const admin = await createUser(db, {
        role: 'admin',
        email: 'admin.people.e2e@example.test',
        name: 'Ada Admin',
      });
      const customer = await createUser(db, { email: 'linus.e2e@example.test', name: 'Linus Pauling' });
      const watched = await openPage(env.browser, { baseUrl: env.shop.baseUrl });
      const page = watched.page;
      await page.goto('/admin/users');
      await signIn(page, admin.user.email, admin.password);
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).fill('linus.e2e');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('1 result · Page 1 of 1').waitFor();
      await page.getByRole('link', { name: 'Linus Pauling' }).click();
      await page.getByRole('heading', { level: 1, name: 'Linus Pauling' }).waitFor();
      expect(page.url()).toContain(`/admin/users/${customer.user.id}`);

      await page.getByRole('combobox', { name: 'Role' }).selectOption('seller');
      await page.getByRole('button', { name: 'Change role' }).click();
      const roleDialog = page.getByRole('alertdialog', { name: 'Make Linus Pauling seller?' });
      await roleDialog.getByRole('textbox', { name: 'Your password' }).fill(admin.password);
      await roleDialog.getByRole('button', { name: 'Change role' }).click();
      await toast(page, 'Linus Pauling is now seller.');

      await page.getByRole('button', { name: 'Lock account' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Lock account' }).click();
      await toast(page, 'Linus Pauling’s account was locked.');
      await page.getByRole('button', { name: 'Unlock account' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Unlock account' }).click();
      await toast(page, 'Linus Pauling’s account was unlocked.');

      await page.goto('/admin/audit?action=user.role_changed');
      const entry = page.getByRole('row').filter({ hasText: customer.user.id });
      await entry.waitFor();
      expect(await entry.textContent()).toContain('role: customer → changed to seller');
      expect(await entry.textContent()).toContain(admin.user.email);

      watched.expectNoProblems();
      await watched.close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
