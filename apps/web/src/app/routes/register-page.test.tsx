import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD } from '../../testing/auth-fixtures.ts';
import { fakeAccount, validationProblem } from '../../testing/auth-handlers.ts';
import { TEST_API } from '../../testing/handlers.ts';
import { renderApp } from '../../testing/render-app.tsx';
import { server } from '../../testing/server.ts';

const rule = (name: RegExp) => {
  const list = screen.getByRole('list', { name: 'Password requirements' });
  return within(list).getByText(name).closest('li') as HTMLElement;
};

async function fillForm(user: ReturnType<typeof renderApp>['user'], password = GOOD_PASSWORD) {
  await user.type(await screen.findByLabelText('Email'), 'grace@example.test');
  await user.type(screen.getByLabelText('Password'), password);
  await user.type(screen.getByLabelText('Name'), 'Grace Hopper');
  await user.click(screen.getByRole('checkbox', { name: /accept the privacy policy/ }));
}

describe('register page', () => {
  it('ticks the password rules off live while typing', async () => {
    const { user } = renderApp('/register');
    const password = await screen.findByLabelText('Password');
    for (const name of [/characters/, /upper-case/, /lower-case/, /digit/, /special/]) {
      expect(rule(name)).toHaveTextContent('(still needed)');
    }

    await user.type(password, 'abc');
    expect(rule(/lower-case/)).toHaveTextContent('(done)');
    expect(rule(/upper-case/)).toHaveTextContent('(still needed)');

    await user.type(password, 'DEF12!');
    for (const name of [/characters/, /upper-case/, /lower-case/, /digit/, /special/]) {
      expect(rule(name)).toHaveTextContent('(done)');
    }
    expect(screen.getByText('All password requirements are met.')).toBeInTheDocument();
  });

  it('checks the fields before sending, with a message beside each', async () => {
    const { user } = renderApp('/register');
    await user.type(await screen.findByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.type(screen.getByLabelText('Date of birth (optional)'), '2020-01-01');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Email must be an email address.');
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      expect.stringContaining('Password must meet every requirement in the list.'),
    );
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Name is required.');
    expect(screen.getByLabelText('Date of birth (optional)')).toHaveAccessibleDescription(
      'You must be at least 13 years old.',
    );
    expect(screen.getByRole('checkbox', { name: /accept the privacy policy/ })).toHaveAccessibleDescription(
      'You must accept the privacy policy.',
    );
    expect(fakeAccount.requests).not.toContain('POST /auth/register');
  });

  it('shows the server’s field errors from a 400 (a common password) beside the field', async () => {
    server.use(
      http.post(`${TEST_API}/auth/register`, () =>
        validationProblem([{ path: 'password', message: 'is too common; choose something less guessable' }]),
      ),
    );
    const { user } = renderApp('/register');
    await fillForm(user, 'Password1!');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Please correct the fields marked below.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      expect.stringContaining('Password is too common; choose something less guessable.'),
    );
  });

  it('sends the sign-up and says to check the inbox', async () => {
    const { user } = renderApp('/register');
    await fillForm(user);
    await user.type(screen.getByLabelText('Phone (optional)'), '+1 415 555 0123');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Check your email' })).toBeInTheDocument();
    expect(screen.getByText('grace@example.test')).toBeInTheDocument();
    expect(fakeAccount.bodies.get('POST /auth/register')).toEqual({
      email: 'grace@example.test',
      password: GOOD_PASSWORD,
      name: 'Grace Hopper',
      phone: '+14155550123',
      acceptPrivacy: true,
    });

    await user.click(screen.getByRole('button', { name: 'Resend link' }));
    expect(await screen.findByText('A new link is on its way. Check your inbox.')).toBeInTheDocument();
    expect(fakeAccount.bodies.get('POST /auth/resend-verification')).toEqual({ email: 'grace@example.test' });
  });

  it('links to the privacy policy, which opens in a new tab', async () => {
    renderApp('/register');
    const link = await screen.findByRole('link', { name: 'privacy policy' });
    expect(link).toHaveAttribute('href', '/privacy');
    expect(link).toHaveAttribute('target', '_blank');
  });
});
