import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { lastQuery } from '../../../testing/admin-people-handlers.ts';
import { makeProfile } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';

beforeEach(() => {
  fakeAccount.profile = makeProfile({ role: 'admin' });
});

const rows = () =>
  within(screen.getByRole('table', { name: 'Audit log entries' }))
    .getAllByRole('row')
    .slice(1);

describe('audit log', () => {
  it('shows before and after values as text, never as markup', async () => {
    renderApp('/admin/audit', { signedIn: true });
    await screen.findByRole('table', { name: 'Audit log entries' });
    const [roleChange, productUpdate, failedLogin] = rows();
    expect(roleChange).toHaveTextContent('2026-03-03 09:00:00 UTC');
    expect(roleChange).toHaveTextContent('user.role_changed');
    expect(roleChange).toHaveTextContent('role: customer → changed to seller');
    expect(productUpdate).toHaveTextContent('name: Lamp → changed to <img src=x onerror=alert(1)>Lamp');
    expect(productUpdate).toHaveTextContent('priceCents: 4500 → changed to 3900');
    expect(productUpdate?.querySelector('img')).toBeNull();
    expect(failedLogin).toHaveTextContent('alan@example.test');
    expect(failedLogin).toHaveTextContent('reason: bad_password');
  });

  it('filters by actor, action and dates through the URL', async () => {
    const { user, url } = renderApp('/admin/audit', { signedIn: true });
    await screen.findByRole('table', { name: 'Audit log entries' });
    const filters = screen.getByRole('search', { name: 'Filter the audit log' });
    await user.type(within(filters).getByLabelText('Actor'), 'ada@example.test');
    await user.type(within(filters).getByLabelText('From'), '2026-03-02');
    await user.type(within(filters).getByLabelText('To'), '2026-03-02');
    await user.click(within(filters).getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(url()).toBe('/admin/audit?actor=ada%40example.test&from=2026-03-02&to=2026-03-02'),
    );
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('product.updated');
    expect(lastQuery('/admin/audit-log')).toMatchObject({
      actor: 'ada@example.test',
      from: '2026-03-02',
      to: '2026-03-02',
    });

    await user.selectOptions(within(filters).getByLabelText('Action'), 'user.role_changed');
    await waitFor(() => expect(url()).toContain('action=user.role_changed'));
    expect(await screen.findByText(/No entries match these filters/)).toBeInTheDocument();
    expect(lastQuery('/admin/audit-log')).toMatchObject({ action: 'user.role_changed' });
  });

  it('opens with the filters of a shared link applied', async () => {
    renderApp('/admin/audit?action=auth.login.failed', { signedIn: true });
    await screen.findByRole('table', { name: 'Audit log entries' });
    expect(rows()).toHaveLength(1);
    expect(screen.getByLabelText('Action')).toHaveValue('auth.login.failed');
    expect(lastQuery('/admin/audit-log')).toEqual({ action: 'auth.login.failed', page: '1', pageSize: '50' });
  });
});
