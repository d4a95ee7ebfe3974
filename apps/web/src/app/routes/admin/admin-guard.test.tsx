import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN_TEST_TIMEOUT_MS } from '../../../testing/admin-handlers.ts';
import { makeProfile } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('the admin area guard', { timeout: ADMIN_TEST_TIMEOUT_MS }, () => {
  it('shows a customer the 403 page, with the way home', async () => {
    const { url } = renderApp('/admin/orders', { signedIn: true });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You do not have access to this area' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the shop' })).toHaveAttribute('href', '/');
    expect(url()).toBe('/admin/orders');
    expect(screen.queryByRole('navigation', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('sends a signed-out visitor to sign in, and back afterwards', async () => {
    const { url } = renderApp('/admin/products?page=2');
    await waitFor(() => expect(url()).toBe('/login?next=%2Fadmin%2Fproducts%3Fpage%3D2'));
  });

  it('shows a seller the 403 page too', async () => {
    fakeAccount.profile = makeProfile({ role: 'seller' });
    renderApp('/admin', { signedIn: true });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You do not have access to this area' }),
    ).toBeInTheDocument();
  });

  it('opens the admin layout for an admin', async () => {
    fakeAccount.profile = makeProfile({ role: 'admin' });
    renderApp('/admin/audit', { signedIn: true });
    const nav = await screen.findByRole('navigation', { name: 'Admin' });
    expect(screen.getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
    expect(nav).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the shop' })).toBeInTheDocument();
  });
});
