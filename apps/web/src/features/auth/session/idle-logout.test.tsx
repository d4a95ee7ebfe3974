import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GOOD_PASSWORD } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const MINUTE = 60 * 1000;

async function signIn({ rememberMe }: { rememberMe: boolean }) {
  const view = renderApp('/login', { fakeTimers: true });
  await view.user.type(await screen.findByLabelText('Email'), 'ada@example.test');
  await view.user.type(screen.getByLabelText('Password'), GOOD_PASSWORD);
  if (rememberMe) await view.user.click(screen.getByLabelText('Remember me'));
  await view.user.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('heading', { level: 1, name: 'Your profile' });
  return view;
}

const advance = (ms: number) =>
  act(async () => {
    vi.advanceTimersByTime(ms);
  });

describe('idle sign-out', () => {
  beforeEach(() => {
    // Real time keeps flowing (for msw and Testing Library); advanceTimersByTime jumps ahead.
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('warns at 29 minutes without activity and signs out at 30', async () => {
    const { url } = await signIn({ rememberMe: false });

    await advance(29 * MINUTE - 2000);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await advance(2000);
    const dialog = await screen.findByRole('alertdialog', { name: 'Are you still there?' });
    expect(dialog).toHaveTextContent('You will be signed out in 60 s');
    expect(screen.getByRole('button', { name: 'Stay signed in' })).toHaveFocus();
    await advance(1000);
    expect(dialog).toHaveTextContent('You will be signed out in 59 s');

    await advance(59 * 1000);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(
      screen.getByText('For your security, you were signed out after 30 minutes without activity.'),
    ).toBeInTheDocument();
    expect(fakeAccount.requests).toContain('POST /auth/logout');
    expect(fakeAccount.signedIn).toBe(false);
    // The account page is guarded: back to sign-in, with the way back remembered.
    await waitFor(() => expect(url()).toBe('/login?next=%2Faccount'));
  });

  it('"Stay signed in" starts the 30 minutes again', async () => {
    const { user } = await signIn({ rememberMe: false });
    await advance(29 * MINUTE + 30 * 1000);
    await user.click(await screen.findByRole('button', { name: 'Stay signed in' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await advance(28 * MINUTE);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(fakeAccount.requests).not.toContain('POST /auth/logout');
    await advance(MINUTE);
    expect(await screen.findByRole('alertdialog')).toBeInTheDocument();
  });

  it('counts typing and clicking as activity', async () => {
    const { user } = await signIn({ rememberMe: false });
    await advance(20 * MINUTE);
    await user.type(await screen.findByLabelText('Name'), ' B');
    await advance(20 * MINUTE);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await advance(9 * MINUTE);
    expect(await screen.findByRole('alertdialog')).toBeInTheDocument();
  });

  it('leaves remember-me sessions alone', async () => {
    await signIn({ rememberMe: true });
    await advance(31 * MINUTE);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(fakeAccount.requests).not.toContain('POST /auth/logout');
    expect(screen.getByRole('button', { name: /Ada Lovelace/ })).toBeInTheDocument();
  });
});
