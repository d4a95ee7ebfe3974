import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('the signed-in area', () => {
  it('sends a signed-out visitor to sign in, then back where they were going', async () => {
    const { user, url } = renderApp('/account/addresses');
    await waitFor(() => expect(url()).toBe('/login?next=%2Faccount%2Faddresses'));

    await user.type(await screen.findByLabelText('Email'), 'ada@example.test');
    await user.type(screen.getByLabelText('Password'), GOOD_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your addresses' })).toBeInTheDocument();
    expect(url()).toBe('/account/addresses');
  });

  it('restores the session with one silent refresh at start (the cookie), without asking to sign in', async () => {
    const { url } = renderApp('/account', { signedIn: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'Your profile' })).toBeInTheDocument();
    expect(url()).toBe('/account');
    expect(fakeAccount.requests.filter((request) => request === 'POST /auth/refresh')).toHaveLength(1);
    expect(await screen.findByLabelText('Name')).toHaveValue('Ada Lovelace');
  });

  it('refreshes once and retries when the access token has expired', async () => {
    const { user } = renderApp('/account', { signedIn: true });
    await screen.findByRole('heading', { level: 1, name: 'Your profile' });
    fakeAccount.validTokens.clear(); // every access token the browser holds has expired

    await user.click(screen.getByRole('link', { name: 'Addresses' }));
    expect(await screen.findByText(/You have no saved addresses yet/)).toBeInTheDocument();
    expect(fakeAccount.requests.filter((request) => request === 'POST /auth/refresh')).toHaveLength(2);
  });

  it('signs out from the header menu: the server session ends and the account area closes', async () => {
    const { user, url } = renderApp('/account', { signedIn: true });
    const menu = await screen.findByRole('button', { name: /Ada Lovelace/ });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(url()).toBe('/');
    expect(fakeAccount.signedIn).toBe(false);
    expect(fakeAccount.requests).toContain('POST /auth/logout');
  });

  it('nudges an unverified user to confirm the email, with a resend link', async () => {
    fakeAccount.profile = { ...fakeAccount.profile, emailVerified: false };
    const { user } = renderApp('/', { signedIn: true });
    const banner = await screen.findByRole('region', { name: 'Confirm your email' });
    expect(banner).toHaveTextContent(
      'Please confirm your email address: we sent a link to ada@example.test.',
    );
    await user.click(screen.getByRole('button', { name: 'Resend link' }));
    expect(await screen.findByText('A new link is on its way. Check your inbox.')).toBeInTheDocument();
  });
});
