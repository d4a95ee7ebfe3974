import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, RECOVERY_CODES, TOTP_CODE } from '../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../testing/auth-handlers.ts';
import { problem, TEST_API } from '../../testing/handlers.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { server } from '../../testing/server.ts';

async function fillCredentials(user: ReturnType<typeof renderApp>['user'], password = GOOD_PASSWORD) {
  await user.type(await screen.findByLabelText('Email'), 'ada@example.test');
  await user.type(screen.getByLabelText('Password'), password);
}

const submit = () => screen.getByRole('button', { name: 'Sign in' });

describe('sign-in page', () => {
  it('signs in, keeps the token out of web storage and shows the user in the header', async () => {
    const { user, url, client } = renderApp('/login');
    await fillCredentials(user);
    await user.click(submit());

    expect(await screen.findByRole('button', { name: /Ada Lovelace/ })).toBeInTheDocument();
    await screen.findByRole('heading', { level: 1, name: 'Your profile' });
    expect(url()).toBe('/account');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    expect(client.http.getAccessToken()).toMatch(/^access-/);
    expect(fakeAccount.bodies.get('POST /auth/login')).toMatchObject({ rememberMe: false, client: 'web' });
  });

  it('sends remember me when ticked', async () => {
    const { user } = renderApp('/login');
    await fillCredentials(user);
    await user.click(screen.getByLabelText('Remember me'));
    await user.click(submit());
    await screen.findByRole('button', { name: /Ada Lovelace/ });
    expect(fakeAccount.rememberMe).toBe(true);
  });

  it('disables the button while the request is in flight', async () => {
    let release: () => void = () => {};
    server.use(
      http.post(`${TEST_API}/auth/login`, async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return problem(401, 'Unauthorized', 'Email or password is not correct.');
      }),
    );
    const { user } = renderApp('/login');
    await fillCredentials(user);
    await user.click(submit());
    expect(screen.getByRole('button', { name: 'Signing in…' })).toBeDisabled();
    release();
    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is not correct.');
    expect(submit()).toBeEnabled();
  });

  it('asks for both fields before sending anything', async () => {
    const { user } = renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(fakeAccount.requests).not.toContain('POST /auth/login');
  });

  it('says the account is temporarily locked on 423', async () => {
    server.use(
      http.post(`${TEST_API}/auth/login`, () =>
        problem(423, 'Locked', 'Too many failed sign-in attempts.', { code: 'login_locked' }),
      ),
    );
    const { user } = renderApp('/login');
    await fillCredentials(user);
    await user.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This account is temporarily locked. Try again in 15 minutes or reset your password.',
    );
  });

  it('says how long to wait on 429, from Retry-After', async () => {
    server.use(
      http.post(`${TEST_API}/auth/login`, () =>
        problem(429, 'Too Many Requests', 'Rate limit exceeded', {}, { 'retry-after': '42' }),
      ),
    );
    const { user } = renderApp('/login');
    await fillCredentials(user);
    await user.click(submit());
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 42 seconds.');
  });

  it('asks to accept a changed privacy policy (428) and signs in with acceptPrivacy', async () => {
    server.use(
      http.post(
        `${TEST_API}/auth/login`,
        () =>
          problem(428, 'Precondition Required', 'The privacy policy has changed.', {
            code: 'privacy_policy_update_required',
          }),
        { once: true },
      ),
    );
    const { user } = renderApp('/login');
    await fillCredentials(user);
    await user.click(submit());

    expect(await screen.findByText(/Our privacy policy has changed/)).toBeInTheDocument();
    const accept = screen.getByRole('checkbox', { name: /accept the updated privacy policy/ });
    expect(
      within(accept.parentElement as HTMLElement).getByRole('link', { name: 'privacy policy' }),
    ).toHaveAttribute('href', '/privacy');
    // Not without ticking the box.
    await user.click(submit());
    expect(accept).toHaveAccessibleDescription('Accept the updated privacy policy to continue.');

    await user.click(accept);
    await user.click(submit());
    await screen.findByRole('button', { name: /Ada Lovelace/ });
    expect(fakeAccount.bodies.get('POST /auth/login')).toMatchObject({
      acceptPrivacy: true,
      password: GOOD_PASSWORD,
    });
  });

  it('asks for the authenticator code when 2FA is on, then signs in', async () => {
    fakeAccount.profile = { ...fakeAccount.profile, mfaEnabled: true };
    const { user, url } = renderApp('/login?next=/account/security');
    await fillCredentials(user);
    await user.click(submit());

    const code = await screen.findByLabelText('Authentication code');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveFocus();

    await user.type(code, '12345');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    expect(code).toHaveAccessibleDescription('Enter the 6-digit code from your authenticator app.');

    await user.clear(code);
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The code is not correct or was already used.',
    );

    await user.clear(code);
    await user.type(code, `${TOTP_CODE.slice(0, 3)} ${TOTP_CODE.slice(3)}`);
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Security' });
    expect(url()).toBe('/account/security');
    expect(fakeAccount.bodies.get('POST /auth/login/mfa')).toEqual({
      mfaToken: 'mfa-token-1',
      code: TOTP_CODE,
      client: 'web',
    });
  });

  it('accepts a recovery code instead', async () => {
    fakeAccount.profile = { ...fakeAccount.profile, mfaEnabled: true };
    const { user } = renderApp('/login');
    await fillCredentials(user);
    await user.click(submit());
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    await user.type(screen.getByLabelText('Recovery code'), RECOVERY_CODES[3]!);
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    await screen.findByRole('button', { name: /Ada Lovelace/ });
    expect(fakeAccount.bodies.get('POST /auth/login/mfa')).toMatchObject({ recoveryCode: RECOVERY_CODES[3] });
  });

  it('goes back to the password step when the 2FA step expired', async () => {
    fakeAccount.profile = { ...fakeAccount.profile, mfaEnabled: true };
    server.use(
      http.post(`${TEST_API}/auth/login`, () =>
        HttpResponse.json({ mfaRequired: true, mfaToken: 'expired' }),
      ),
    );
    const { user } = renderApp('/login');
    await fillCredentials(user);
    await user.click(submit());
    await user.type(await screen.findByLabelText('Authentication code'), TOTP_CODE);
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    expect(
      await screen.findByText('That sign-in attempt expired. Please sign in again.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
  });

  it('links to the forgotten-password page', async () => {
    const { user, url } = renderApp('/login');
    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    await waitFor(() => expect(url()).toBe('/forgot-password'));
  });
});
