/** Steps that several browser journeys take the same way, by what a person sees on the page. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RecordingMailer } from '../../api/test/fakes/recording-mailer.ts';

/** Fills the sign-in page the SPA has sent the visitor to, and submits it. */
export async function signIn(page: Page, email: string, password: string) {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Waits for a back-office notification with this text. */
export const toast = (page: Page, text: string | RegExp) =>
  page.getByRole('status', { name: 'Notifications' }).getByText(text).waitFor();

/** How far the page is wider than the window (0 or less: no sideways scrolling). */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The link to `path` in the newest email of `kind` to `to`, once the outbox has sent it. */
export async function mailedLink(
  mail: RecordingMailer,
  to: string,
  kind: string,
  path: string,
): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        const message = mail.sent.findLast((sent) => sent.to === to && sent.kind === kind);
        link = message?.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === path);
        return link;
      },
      { timeout: 10_000 },
    )
    .toBeTruthy();
  return link as string;
}

/** The catalog's results region, once it has stopped loading (aria-busy is the SPA's own signal). */
export async function settledResults(page: Page) {
  const results = page.getByRole('region', { name: 'Products' });
  await results.and(page.locator('[aria-busy="false"]')).waitFor();
  return results;
}

/** Adds the first product the catalog offers, by its card's own button, and answers its name. */
export async function addFirstProductToCart(page: Page): Promise<string> {
  await page.goto('/');
  const results = await settledResults(page);
  await page.getByRole('link', { name: 'Cart, 0 items' }).waitFor();
  const add = results.getByRole('button', { name: /^Add .+ to cart$/ }).first();
  const name = ((await add.textContent()) ?? '').replace(/^Add\s*/, '').replace(/\s*to cart$/, '');
  await add.click();
  await page.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
  return name;
}
