import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { adminPeopleFake, lastQuery } from '../../../testing/admin-people-handlers.ts';
import { GOOD_PASSWORD, makeProfile } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const me = makeProfile();
const grace = () => adminPeopleFake.users.find((user) => user.email === 'grace@example.test')!;
const alan = () => adminPeopleFake.users.find((user) => user.email === 'alan@example.test')!;
const notifications = () => screen.getByRole('status', { name: 'Notifications' });

beforeEach(() => {
  fakeAccount.profile = makeProfile({ role: 'admin' });
});

describe('admin users list', () => {
  it('searches and filters through the URL, and pages', async () => {
    const { user, url } = renderApp('/admin/users', { signedIn: true });
    const table = await screen.findByRole('table', { name: 'Users' });
    expect(screen.getByText('25 results · Page 1 of 2')).toBeInTheDocument();
    expect(
      within(table).getByRole('row', { name: /Alan Turing alan@example.test Customer Locked/ }),
    ).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'grace');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(url()).toBe('/admin/users?q=grace'));
    expect(await screen.findByText('1 result · Page 1 of 1')).toBeInTheDocument();
    expect(lastQuery('/admin/users')).toEqual({ q: 'grace', page: '1', pageSize: '20' });
    expect(screen.getByRole('link', { name: 'Grace Hopper' })).toHaveAttribute(
      'href',
      `/admin/users/${grace().id}`,
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Customer');
    await waitFor(() => expect(url()).toBe('/admin/users?q=grace&role=customer'));
    expect(await screen.findByText('No accounts match these filters.')).toBeInTheDocument();
  });

  it('opens on the page and filters of a shared link', async () => {
    renderApp('/admin/users?role=customer&page=2', { signedIn: true });
    expect(await screen.findByText('23 results · Page 2 of 2')).toBeInTheDocument();
    expect(lastQuery('/admin/users')).toEqual({ role: 'customer', page: '2', pageSize: '20' });
  });
});

describe('admin user detail', () => {
  it('shows the account without any secret', async () => {
    renderApp(`/admin/users/${grace().id}`, { signedIn: true });
    expect(await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeInTheDocument();
    expect(screen.getByText('grace@example.test')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/hash|secret|token/i);
  });

  it('changes a role after the admin confirms with their password', async () => {
    const { user } = renderApp(`/admin/users/${grace().id}`, { signedIn: true });
    await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Admin');
    await user.click(screen.getByRole('button', { name: 'Change role' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Make Grace Hopper admin?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    expect(within(dialog).getByText('Your password is required to change a role.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Your password'), 'wrong{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The current password is not correct.',
    );
    expect(grace().role).toBe('seller');

    await user.clear(within(dialog).getByLabelText('Your password'));
    await user.type(within(dialog).getByLabelText('Your password'), GOOD_PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(grace().role).toBe('admin');
    expect(fakeAccount.bodies.get(`PATCH /admin/users/${grace().id}`)).toEqual({
      role: 'admin',
      currentPassword: GOOD_PASSWORD,
    });
    expect(notifications()).toHaveTextContent('Grace Hopper is now admin.');
    expect(screen.getByText('Role', { selector: 'dt' }).nextElementSibling).toHaveTextContent('Admin');
  });

  it('shows the last-admin refusal when an admin demotes themselves', async () => {
    const { user } = renderApp(`/admin/users/${me.id}`, { signedIn: true });
    await screen.findByText(/This is you/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Customer');
    await user.click(screen.getByRole('button', { name: 'Change role' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Make Ada Lovelace customer?' });
    await user.type(within(dialog).getByLabelText('Your password'), GOOD_PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The shop must keep at least one admin who can sign in.',
    );
    expect(adminPeopleFake.users.find((u) => u.id === me.id)?.role).toBe('admin');

    // Locking their own account is refused the same way.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Lock account' }));
    const lock = screen.getByRole('alertdialog', { name: 'Lock Ada Lovelace’s account?' });
    await user.click(within(lock).getByRole('button', { name: 'Lock account' }));
    expect(await within(lock).findByRole('alert')).toHaveTextContent(
      'The shop must keep at least one admin who can sign in.',
    );
  });

  it('locks and unlocks an account, each after a confirmation', async () => {
    const { user } = renderApp(`/admin/users/${grace().id}`, { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Lock account' }));
    const lock = screen.getByRole('alertdialog', { name: 'Lock Grace Hopper’s account?' });
    await user.click(within(lock).getByRole('button', { name: 'Cancel' }));
    expect(grace().locked).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Lock account' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Lock account' }));
    expect(await screen.findByRole('button', { name: 'Unlock account' })).toBeInTheDocument();
    expect(grace().locked).toBe(true);
    expect(notifications()).toHaveTextContent('Grace Hopper’s account was locked.');

    await user.click(screen.getByRole('button', { name: 'Unlock account' }));
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Unlock Grace Hopper’s account?' })).getByRole(
        'button',
        {
          name: 'Unlock account',
        },
      ),
    );
    expect(await screen.findByRole('button', { name: 'Lock account' })).toBeInTheDocument();
    expect(grace().locked).toBe(false);
    expect(fakeAccount.bodies.get(`PATCH /admin/users/${grace().id}`)).toEqual({ locked: false });
  });

  it('sends a password-reset email and signs the user out everywhere', async () => {
    const { user } = renderApp(`/admin/users/${alan().id}`, { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Send password-reset email' }));
    await user.click(
      within(screen.getByRole('alertdialog', { name: 'Email Alan Turing a password-reset link?' })).getByRole(
        'button',
        { name: 'Send email' },
      ),
    );
    await waitFor(() => expect(adminPeopleFake.passwordResets).toEqual([alan().id]));
    expect(notifications()).toHaveTextContent('A password-reset link was sent to alan@example.test.');

    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sign Alan Turing out everywhere?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    await waitFor(() => expect(adminPeopleFake.revokedSessions).toEqual([alan().id]));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(notifications()).toHaveTextContent('Every session of Alan Turing was ended.');
  });
});
