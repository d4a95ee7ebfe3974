import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD } from '../../testing/auth-fixtures.ts';
import { fakeAccount, validationProblem } from '../../testing/auth-handlers.ts';
import { problem, TEST_API } from '../../testing/handlers.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { server } from '../../testing/server.ts';

describe('pages reached from emailed links', () => {
  it('confirms the email once with the token from the link', async () => {
    renderApp('/verify-email?token=good-token');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your email address is confirmed' }),
    ).toBeInTheDocument();
    expect(fakeAccount.requests.filter((request) => request === 'POST /auth/verify-email')).toHaveLength(1);
    expect(fakeAccount.bodies.get('POST /auth/verify-email')).toEqual({ token: 'good-token' });
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/login',
    );
  });

  it('updates a signed-in user’s verified state (sign-up or an email change)', async () => {
    fakeAccount.profile = { ...fakeAccount.profile, emailVerified: false };
    renderApp('/verify-email?token=good-token', { signedIn: true });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your email address is confirmed' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Confirm your email' })).not.toBeInTheDocument(),
    );
  });

  it('says so when the link is invalid, used or expired', async () => {
    renderApp('/verify-email?token=used-token');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'We could not confirm your email' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This link is invalid, was already used or has expired.',
    );
  });

  it('forgot password: the same answer whatever the address', async () => {
    const { user } = renderApp('/forgot-password');
    await user.type(await screen.findByLabelText('Email'), 'nobody@example.test');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'If an account exists for nobody@example.test, we sent a link to reset the password.',
    );
  });

  it('forgot password: a rate limit says how long to wait', async () => {
    server.use(
      http.post(`${TEST_API}/auth/password/forgot`, () =>
        problem(429, 'Too Many Requests', undefined, {}, { 'retry-after': '30' }),
      ),
    );
    const { user } = renderApp('/forgot-password');
    await user.type(await screen.findByLabelText('Email'), 'ada@example.test');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 30 seconds.');
  });

  it('reset password: live rules, the server’s verdict beside the field, then sign in', async () => {
    server.use(
      http.post(
        `${TEST_API}/auth/password/reset`,
        () =>
          validationProblem([
            { path: 'newPassword', message: 'is too common; choose something less guessable' },
          ]),
        { once: true },
      ),
    );
    const { user, url } = renderApp('/reset-password?token=reset-token');
    const password = await screen.findByLabelText('New password');
    await user.type(password, 'Summer2024!');
    const rules = screen.getByRole('list', { name: 'Password requirements' });
    expect(within(rules).getAllByText('(done)')).toHaveLength(5);
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(password).toHaveAccessibleDescription(
      expect.stringContaining('New password is too common; choose something less guessable.'),
    );

    await user.clear(password);
    await user.type(password, GOOD_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(
      await screen.findByText('Your password has been changed. Sign in with your new password.'),
    ).toBeInTheDocument();
    expect(url()).toBe('/login');
    expect(fakeAccount.bodies.get('POST /auth/password/reset')).toEqual({
      token: 'reset-token',
      newPassword: GOOD_PASSWORD,
    });
  });

  it('reset password: an invalid link offers a new one', async () => {
    server.use(
      http.post(`${TEST_API}/auth/password/reset`, () =>
        problem(400, 'Bad Request', 'This link is invalid.', { code: 'invalid_token' }),
      ),
    );
    const { user } = renderApp('/reset-password?token=old');
    await user.type(await screen.findByLabelText('New password'), GOOD_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This reset link is invalid, was already used or has expired.',
    );
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });
});
