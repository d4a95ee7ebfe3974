import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GOOD_PASSWORD } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';

/** jsdom's Blob has no text(); FileReader it does have. */
const readText = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

const { createObjectURL, revokeObjectURL } = URL;

describe('privacy page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
  });

  it('downloads my data as a JSON file', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:export';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = renderApp('/account/privacy', { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Download my data' }));

    expect(await screen.findByText('Your data has been downloaded.')).toBeInTheDocument();
    expect(click).toHaveBeenCalledOnce();
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toMatch(/^securecart-data-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await readText(blobs[0]!))).toMatchObject({ profile: { email: 'ada@example.test' } });
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
