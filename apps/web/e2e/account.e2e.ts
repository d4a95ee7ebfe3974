import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createRecordingMailer } from '../../api/test/fakes/recording-mailer.ts';
import { chromiumAvailable, openPage, shopAndBrowser } from './harness.ts';
import { mailedLink, signIn } from './helpers.ts';
import { totpCode, totpStep, waitForStepAfter } from './totp.ts';

const hasChromium = chromiumAvailable();

const JOURNEY_TIMEOUT_MS = 120_000;

const accountMenu = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(name) });

/**
 * What the page keeps in web storage. The router's scroll restoration uses sessionStorage for
 * scroll positions; nothing else may be there, and never a token.
 */
async function webStorage(page: Page) {
  const { local, session } = await page.evaluate(() => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
  }));
  const everything = JSON.stringify([local, session]);
  return {
    localKeys: local.map(([key]) => key),
    sessionKeys: session.map(([key]) => key).filter((key) => key !== 'react-router-scroll-positions'),
    holdsAJwt: /eyJ[\w-]+\.[\w-]+\./.test(everything),
  };
}

const EMPTY_STORAGE = { localKeys: [], sessionKeys: [], holdsAJwt: false };

describe.skipIf(!hasChromium)('account journeys in Chromium', () => {
  const mail = createRecordingMailer();
  const env = shopAndBrowser({}, { mailer: mail.mailer });

  it(
    'registers, verifies the email from the link, signs in, turns on 2FA, and signs in again with a code',
    async () => {
      const email = 'ada.e2e@example.test';
      const password = 'Velvet-Harbor-Kettle-93';
      const { page, context, expectNoProblems, close } = await openPage(env.browser, {
        baseUrl: env.shop.baseUrl,
      });

      // Register.
      await page.goto('/');
      await page.getByRole('link', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
      await page.getByRole('checkbox', { name: /accept the privacy policy/ }).check();
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();

      // Verify with the link from the email.
      const verifyLink = await mailedLink(mail, email, 'verify_email', '/verify-email');
      expect(verifyLink.startsWith(`${env.shop.baseUrl}/verify-email?token=`)).toBe(true);
      await page.goto(verifyLink);
      await page.getByRole('heading', { level: 1, name: 'Your email address is confirmed' }).waitFor();

      // Sign in: the token stays in memory, the refresh token in an httpOnly cookie.
      await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
      await signIn(page, email, password);
      await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
      await accountMenu(page, 'Ada Lovelace').waitFor();
      expect(await webStorage(page)).toEqual(EMPTY_STORAGE);
      const cookies = await context.cookies();
      expect(cookies.find((cookie) => cookie.name === 'sc_refresh')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api/v1/auth',
      });

      // A reload restores the session through the silent refresh.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();

      // Turn on 2FA: password, then the secret shown on the page, then a code.
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Security' }).click();
      const twoFactor = page.getByRole('region', { name: 'Two-factor authentication' });
      await twoFactor.getByRole('button', { name: 'Enable two-factor authentication' }).click();
      await twoFactor.getByLabel('Current password', { exact: true }).fill(password);
      await twoFactor.getByRole('button', { name: 'Continue' }).click();
      const qr = twoFactor.getByRole('img', { name: /QR code/ });
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      const secret = (await twoFactor.getByLabel('Setup key').inputValue()).trim();
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      const enabledAt = totpStep();
      await twoFactor.getByLabel('Code from the app').fill(totpCode(secret));
      await twoFactor.getByRole('button', { name: 'Verify and enable' }).click();
      const codes = twoFactor.getByRole('list', { name: 'Recovery codes' });
      await codes.waitFor();
      expect(await codes.getByRole('listitem').count()).toBe(10);
      await twoFactor.getByLabel('I have saved my recovery codes').check();
      await twoFactor.getByRole('button', { name: 'Done' }).click();
      await twoFactor.getByText(/Signing in asks for a code/).waitFor();
      expect(await codes.count()).toBe(0);

      // Sign out from the header menu.
      await accountMenu(page, 'Ada Lovelace').click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('link', { name: 'Sign in' }).waitFor();
      expect((await context.cookies()).some((cookie) => cookie.name === 'sc_refresh')).toBe(false);

      // Sign in with the password and a fresh code (the one used to enable cannot be replayed).
      await page.getByRole('link', { name: 'Sign in' }).click();
      await signIn(page, email, password);
      const code = page.getByLabel('Authentication code');
      await code.waitFor();
      expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
      await waitForStepAfter(enabledAt);
      await code.fill(totpCode(secret));
      await page.getByRole('button', { name: 'Verify and sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
      await accountMenu(page, 'Ada Lovelace').waitFor();
      expect(await webStorage(page)).toEqual(EMPTY_STORAGE);

      expectNoProblems();
      await close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'resets a forgotten password from the emailed link and signs in with the new one',
    async () => {
      const email = 'grace.e2e@example.test';
      const registered = await env.shop.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email, password: 'Copper-Lantern-Sail-41', name: 'Grace Hopper', acceptPrivacy: true },
      });
      expect(registered.statusCode).toBe(202);
      const newPassword = 'Quiet-Meadow-Anchor-58';
      const { page, expectNoProblems, close } = await openPage(env.browser, {
        baseUrl: env.shop.baseUrl,
        viewport: { width: 360, height: 780 },
      });

      await page.goto('/login');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      // The sign-in form has an Email field too: wait for the lazily loaded page before filling.
      await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByRole('button', { name: 'Send reset link' }).click();
      await page.getByText(`If an account exists for ${email}, we sent a link`).waitFor();

      const resetLink = await mailedLink(mail, email, 'password_reset', '/reset-password');
      await page.goto(resetLink);
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByRole('button', { name: 'Save new password' }).click();
      await page.getByText('Your password has been changed. Sign in with your new password.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');

      await signIn(page, email, newPassword);
      await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
      await accountMenu(page, 'Grace Hopper').waitFor();
      // The reset link reached the inbox, which proved the address too: no "confirm your email" nudge.
      expect(await page.getByRole('region', { name: 'Confirm your email' }).count()).toBe(0);

      expectNoProblems();
      await close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'two tabs restoring one session at the same moment both stay signed in (no refresh-token reuse)',
    async () => {
      const email = 'tabs.e2e@example.test';
      const password = 'Amber-Falcon-Ledger-27';
      const registered = await env.shop.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email, password, name: 'Tab Tester', acceptPrivacy: true },
      });
      expect(registered.statusCode).toBe(202);
      const first = await openPage(env.browser, {
        baseUrl: env.shop.baseUrl,
      });
      await first.page.goto('/login');
      await signIn(first.page, email, password);
      await first.page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();

      // A second tab of the same browser: same cookie jar, same Web Locks, same BroadcastChannel.
      const second = await first.context.newPage();
      const secondErrors: string[] = [];
      second.on('console', (message) => {
        if (message.type() === 'error') secondErrors.push(message.text());
      });
      second.on('pageerror', (error) => secondErrors.push(error.message));

      // Each load refreshes once with the shared cookie; loads at the same moment would present the
      // same refresh token twice (and end the session) if the tabs did not take turns.
      for (let round = 0; round < 3; round++) {
        await Promise.all([first.page.reload(), round === 0 ? second.goto('/account') : second.reload()]);
        await Promise.all([
          first.page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor(),
          second.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor(),
        ]);
      }
      await accountMenu(second, 'Tab Tester').waitFor();

      // Signing out in one tab signs out the other at once.
      await accountMenu(first.page, 'Tab Tester').click();
      await first.page.getByRole('button', { name: 'Sign out' }).click();
      await second.getByRole('link', { name: 'Sign in' }).waitFor();

      expect(secondErrors).toEqual([]);
      first.expectNoProblems();
      await first.close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
