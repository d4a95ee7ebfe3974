import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, RECOVERY_CODES, TOTP_CODE } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const section = (name: string) => screen.findByRole('region', { name });

describe('security page', () => {
  it('enables 2FA: password, QR code and key, a code, then the recovery codes exactly once', async () => {
    const { user } = renderApp('/account/security', { signedIn: true });
    const twoFactor = await section('Two-factor authentication');
    await user.click(within(twoFactor).getByRole('button', { name: 'Enable two-factor authentication' }));

    // Step 1: a wrong password is refused.
    await user.type(within(twoFactor).getByLabelText('Current password'), 'wrong');
    await user.click(within(twoFactor).getByRole('button', { name: 'Continue' }));
    expect(await within(twoFactor).findByRole('alert')).toHaveTextContent(
      'The current password is not correct.',
    );
    await user.clear(within(twoFactor).getByLabelText('Current password'));
    await user.type(within(twoFactor).getByLabelText('Current password'), GOOD_PASSWORD);
    await user.click(within(twoFactor).getByRole('button', { name: 'Continue' }));

    // Step 2: the QR code (a data: URL from the API) and the key for typing by hand.
    const qr = await within(twoFactor).findByRole('img', { name: /QR code/ });
    expect(qr).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
    expect(within(twoFactor).getByLabelText('Setup key')).toHaveValue('JBSWY3DPEHPK3PXP');
    await user.type(within(twoFactor).getByLabelText('Code from the app'), TOTP_CODE);
    await user.click(within(twoFactor).getByRole('button', { name: 'Verify and enable' }));

    // Step 3: the codes, with copy and download, and "Done" only once they are saved.
    const codes = await within(twoFactor).findByRole('list', { name: 'Recovery codes' });
    expect(
      within(codes)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(RECOVERY_CODES);
    expect(within(twoFactor).getByRole('button', { name: 'Copy codes' })).toBeInTheDocument();
    expect(within(twoFactor).getByRole('button', { name: 'Download codes' })).toBeInTheDocument();
    const done = within(twoFactor).getByRole('button', { name: 'Done' });
    expect(done).toBeDisabled();
    await user.click(within(twoFactor).getByLabelText('I have saved my recovery codes'));
    await user.click(done);

    expect(within(twoFactor).queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();
    expect(screen.queryByText(RECOVERY_CODES[0]!)).not.toBeInTheDocument();
    expect(within(twoFactor).getByText(/Signing in asks for a code/)).toBeInTheDocument();
    expect(
      within(twoFactor).getByRole('button', { name: 'Disable two-factor authentication' }),
    ).toBeInTheDocument();
  });

  it('disables 2FA with the password and a code', async () => {
    fakeAccount.profile = { ...fakeAccount.profile, mfaEnabled: true };
    const { user } = renderApp('/account/security', { signedIn: true });
    const twoFactor = await section('Two-factor authentication');
    await user.click(within(twoFactor).getByRole('button', { name: 'Disable two-factor authentication' }));
    await user.type(within(twoFactor).getByLabelText('Current password'), GOOD_PASSWORD);
    await user.type(within(twoFactor).getByLabelText('Code'), TOTP_CODE);
    await user.click(within(twoFactor).getByRole('button', { name: 'Disable' }));
    expect(
      await within(twoFactor).findByRole('button', { name: 'Enable two-factor authentication' }),
    ).toBeInTheDocument();
    expect(fakeAccount.profile.mfaEnabled).toBe(false);
  });

  it('lists the sessions, marks this device, and revokes another one', async () => {
    const { user } = renderApp('/account/security', { signedIn: true });
    const sessions = await section('Where you are signed in');
    const list = await within(sessions).findByRole('list', { name: 'Active sessions' });
    const [current, other] = within(list).getAllByRole('listitem');
    expect(current).toHaveTextContent('Safari on macOS');
    expect(within(current!).getByText('This device')).toBeInTheDocument();
    expect(within(current!).queryByRole('button')).not.toBeInTheDocument();
    expect(other).toHaveTextContent('Firefox on Linux');
    expect(other).toHaveTextContent('IP 203.0.113.7');

    await user.click(within(other!).getByRole('button', { name: /^Revoke Firefox on Linux/ }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(fakeAccount.requests).toContain('DELETE /auth/sessions/00000000-0000-4000-8000-000000005e51');
  });

  it('changes the password with the current one and the live rules', async () => {
    const { user } = renderApp('/account/security', { signedIn: true });
    const password = await section('Password');
    await user.type(within(password).getByLabelText('Current password'), GOOD_PASSWORD);
    await user.type(within(password).getByLabelText('New password'), 'weak');
    await user.click(within(password).getByRole('button', { name: 'Change password' }));
    expect(within(password).getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('New password must meet every requirement in the list.'),
    );

    await user.type(within(password).getByLabelText('New password'), 'ER-Harbor-77');
    await user.click(within(password).getByRole('button', { name: 'Change password' }));
    expect(await within(password).findByRole('status')).toHaveTextContent(
      'Your password has been changed. Your other devices have been signed out.',
    );
    expect(fakeAccount.password).toBe('weakER-Harbor-77');
  });

  it('changes the email after the current password, and says to check the new inbox', async () => {
    const { user } = renderApp('/account/security', { signedIn: true });
    const email = await section('Email address');
    expect(email).toHaveTextContent('Your email address is ada@example.test.');
    await user.type(within(email).getByLabelText('New email'), 'ada@new.example');
    await user.type(within(email).getByLabelText('Current password'), 'wrong');
    await user.click(within(email).getByRole('button', { name: 'Change email' }));
    expect(await within(email).findByRole('alert')).toHaveTextContent('The current password is not correct.');

    await user.clear(within(email).getByLabelText('Current password'));
    await user.type(within(email).getByLabelText('Current password'), GOOD_PASSWORD);
    await user.click(within(email).getByRole('button', { name: 'Change email' }));
    expect(await within(email).findByRole('status')).toHaveTextContent(
      'Check your new inbox: we sent a confirmation link to ada@new.example.',
    );
  });
});
