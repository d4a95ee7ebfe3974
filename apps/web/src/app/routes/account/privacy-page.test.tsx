import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished } from 'vitest';
import { GOOD_PASSWORD } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { captureDownloads } from '../../../testing/capture-downloads.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('privacy page', () => {
  it('downloads my data as a JSON file', async () => {
    const downloads = captureDownloads();
    onTestFinished(downloads.restore);
    const { user } = renderApp('/account/privacy', { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Download my data' }));

    expect(await screen.findByText('Your data has been downloaded.')).toBeInTheDocument();
    expect(downloads.count()).toBe(1);
    expect(downloads.fileName(0)).toMatch(/^securecart-data-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await downloads.text(0))).toMatchObject({ profile: { email: 'ada@example.test' } });
  });

  it('deletes the account with the password and a typed confirmation, then signs out', async () => {
    const { user, url } = renderApp('/account/privacy', { signedIn: true });
    const form = await screen.findByRole('form', { name: 'Delete my account' });
    await user.type(within(form).getByLabelText('Current password'), GOOD_PASSWORD);
    await user.type(within(form).getByLabelText('Type DELETE to confirm'), 'delete');
    await user.click(within(form).getByRole('button', { name: 'Delete my account' }));
    expect(within(form).getByLabelText('Type DELETE to confirm')).toHaveAccessibleDescription(
      'Type DELETE to confirm.',
    );
    expect(fakeAccount.requests).not.toContain('DELETE /me');

    await user.clear(within(form).getByLabelText('Type DELETE to confirm'));
    await user.type(within(form).getByLabelText('Type DELETE to confirm'), 'DELETE');
    await user.click(within(form).getByRole('button', { name: 'Delete my account' }));

    expect(
      await screen.findByText(/Your account and your personal data have been deleted/),
    ).toBeInTheDocument();
    await waitFor(() => expect(url()).toBe('/'));
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(fakeAccount.bodies.get('DELETE /me')).toEqual({ password: GOOD_PASSWORD });
  });
});
