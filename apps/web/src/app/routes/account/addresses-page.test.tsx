import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { makeAddress } from '../../../testing/auth-fixtures.ts';
import { fakeAccount, validationProblem } from '../../../testing/auth-handlers.ts';
import { TEST_API } from '../../../testing/handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { server } from '../../../testing/server.ts';

async function openNewAddressForm() {
  const view = renderApp('/account/addresses', { signedIn: true });
  await view.user.click(await screen.findByRole('button', { name: 'Add an address' }));
  return { ...view, form: screen.getByRole('form', { name: 'New address' }) };
}

describe('address book', () => {
  it('checks the address before sending it: required fields, state and ZIP code shape', async () => {
    const { user, form } = await openNewAddressForm();
    await user.type(within(form).getByLabelText('ZIP code'), '1234');
    await user.click(within(form).getByRole('button', { name: 'Add address' }));

    expect(within(form).getByLabelText('Full name')).toHaveAccessibleDescription('Full name is required.');
    expect(within(form).getByLabelText('Address line 1')).toHaveAccessibleDescription(
      'Address line 1 is required.',
    );
    expect(within(form).getByLabelText('City')).toHaveAccessibleDescription('City is required.');
    expect(within(form).getByLabelText('State')).toHaveAccessibleDescription(
      'Two letters, e.g. NY State must be a state code such as NY.',
    );
    expect(within(form).getByLabelText('ZIP code')).toHaveAccessibleDescription(
      'e.g. 12345 ZIP code is not a valid US postal code (e.g. 12345 or 12345-6789).',
    );
    expect(fakeAccount.requests).not.toContain('POST /me/addresses');
  });

  it('adapts the labels to the country and shows the server’s field errors', async () => {
    server.use(
      http.post(`${TEST_API}/me/addresses`, () =>
        validationProblem([{ path: 'postalCode', message: 'is not a deliverable postcode' }]),
      ),
    );
    const { user, form } = await openNewAddressForm();
    await user.selectOptions(within(form).getByLabelText('Country'), 'GB');
    expect(within(form).getByLabelText('County (optional)')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Full name'), 'Ada Lovelace');
    await user.type(within(form).getByLabelText('Address line 1'), '12 St James Square');
    await user.type(within(form).getByLabelText('City'), 'London');
    await user.type(within(form).getByLabelText('Postcode'), 'sw1y 4jh');
    await user.click(within(form).getByRole('button', { name: 'Add address' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Please correct the fields marked below.',
    );
    expect(within(form).getByLabelText('Postcode')).toHaveAccessibleDescription(
      'e.g. SW1A 1AA Postcode is not a deliverable postcode.',
    );
  });

  it('adds an address, makes another the default and deletes one after confirming', async () => {
    fakeAccount.addresses = [makeAddress()];
    const { user, form } = await openNewAddressForm();
    await user.type(within(form).getByLabelText('Full name'), 'Ada Lovelace');
    await user.type(within(form).getByLabelText('Address line 1'), '350 Fifth Avenue');
    await user.type(within(form).getByLabelText('City'), 'New York');
    await user.type(within(form).getByLabelText('State'), 'NY');
    await user.type(within(form).getByLabelText('ZIP code'), '10118');
    await user.click(within(form).getByRole('button', { name: 'Add address' }));

    expect(await screen.findByRole('status')).toHaveTextContent('The address has been added.');
    const list = await screen.findByRole('list', { name: 'Saved addresses' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const added = within(list).getByRole('listitem', { name: /350 Fifth Avenue/ });
    expect(added).toHaveTextContent('New York NY 10118');
    expect(added).toHaveTextContent('United States');

    await user.click(within(added).getByRole('button', { name: 'Make default 350 Fifth Avenue' }));
    await waitFor(() =>
      expect(
        within(within(list).getByRole('listitem', { name: /350 Fifth Avenue/ })).getByText('Default'),
      ).toBeInTheDocument(),
    );
    const london = within(list).getByRole('listitem', { name: /St James Square/ });
    expect(within(london).queryByText('Default')).not.toBeInTheDocument();

    await user.click(within(london).getByRole('button', { name: 'Delete 12 St James Square' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this address?' });
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);

    await user.click(within(london).getByRole('button', { name: 'Delete 12 St James Square' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete address' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(fakeAccount.requests).toContain(`DELETE /me/addresses/${makeAddress().id}`);
  });

  it('edits an address in place', async () => {
    fakeAccount.addresses = [makeAddress()];
    const { user } = renderApp('/account/addresses', { signedIn: true });
    await user.click(await screen.findByRole('button', { name: 'Edit 12 St James Square' }));
    const form = screen.getByRole('form', { name: 'Edit address' });
    expect(within(form).getByLabelText('Country')).toHaveValue('GB');
    await user.clear(within(form).getByLabelText('City'));
    await user.type(within(form).getByLabelText('City'), 'Westminster');
    await user.click(within(form).getByRole('button', { name: 'Save address' }));
    expect(await screen.findByText(/Westminster/)).toBeInTheDocument();
    expect(fakeAccount.bodies.get(`PATCH /me/addresses/${makeAddress().id}`)).toMatchObject({
      city: 'Westminster',
    });
  });
});
