import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('profile page', () => {
  it('saves name, phone, date of birth and preferences, and the header follows the new name', async () => {
    const { user } = renderApp('/account', { signedIn: true });
    const form = await screen.findByRole('form', { name: 'Profile' });
    expect(within(form).getByText('ada@example.test')).toBeInTheDocument();
    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'Ada King');
    await user.type(within(form).getByLabelText('Phone (optional)'), '+44 20 7946 0958');
    await user.type(within(form).getByLabelText('Date of birth (optional)'), '1990-12-10');
    await user.selectOptions(within(form).getByLabelText('Currency'), 'GBP');
    await user.click(within(form).getByLabelText('Email me about offers and new products'));
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));

    expect(await within(form).findByRole('status')).toHaveTextContent('Your profile has been saved.');
    expect(fakeAccount.bodies.get('PATCH /me')).toEqual({
      name: 'Ada King',
      phone: '+442079460958',
      dateOfBirth: '1990-12-10',
      preferences: { language: 'en', currency: 'GBP', marketingEmails: true },
    });
    expect(screen.getByRole('button', { name: /Ada King/ })).toBeInTheDocument();
  });

  it('explains an invalid phone number beside the field', async () => {
    const { user } = renderApp('/account', { signedIn: true });
    const form = await screen.findByRole('form', { name: 'Profile' });
    await user.type(within(form).getByLabelText('Phone (optional)'), '555-0123');
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));
    expect(within(form).getByLabelText('Phone (optional)')).toHaveAccessibleDescription(
      'With the country code, e.g. +14155550123. Phone must be an international number in E.164 form, e.g. +14155550123.',
    );
    expect(fakeAccount.requests).not.toContain('PATCH /me');
  });
});
