import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http, type LifeCycleEventsMap } from 'msw';
import { describe, expect, it, onTestFinished } from 'vitest';
import { cartToken } from '../../../features/cart/cart-token.ts';
import { makeAddress } from '../../../testing/auth-fixtures.ts';
import { fakeAccount } from '../../../testing/auth-handlers.ts';
import {
  checkoutAddress,
  DECLINED_CARD,
  fakeCheckout,
  SUCCEEDING_CARD,
  seedCart,
  seedDraft,
} from '../../../testing/checkout-handlers.ts';
import { products } from '../../../testing/fixtures.ts';
import { problem, TEST_API } from '../../../testing/handlers.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { server } from '../../../testing/server.ts';

const HEADPHONES = products.find((product) => product.name === 'Wireless Headphones')!.id;
const GUEST_CART = 'guest-cart-token-1';

function guestWithCart() {
  cartToken.set(GUEST_CART);
  seedCart([{ productId: HEADPHONES, quantity: 2 }], GUEST_CART);
}

type View = ReturnType<typeof renderApp>;

const currentStep = () =>
  within(screen.getByRole('navigation', { name: 'Checkout progress' }))
    .getAllByRole('listitem')
    .find((item) => item.getAttribute('aria-current') === 'step')?.textContent;

async function fillGuestAddress({ user }: View) {
  await user.type(await screen.findByLabelText('Email'), 'guest@example.com');
  await user.type(screen.getByLabelText('Full name'), 'Grace Hopper');
  await user.type(screen.getByLabelText('Address line 1'), '1 Main Street');
  await user.type(screen.getByLabelText('City'), 'Arlington');
  await user.type(screen.getByLabelText('State'), 'VA');
  await user.type(screen.getByLabelText('ZIP code'), '22201');
}

async function payWith({ user }: View, cardNumber: string) {
  await user.type(await screen.findByLabelText('Card number'), cardNumber);
  await user.type(screen.getByLabelText('Expiry date'), '04/39');
  await user.type(screen.getByLabelText('CVC'), '123');
  await user.click(screen.getByRole('button', { name: 'Continue to review' }));
  await screen.findByRole('heading', { name: 'Review your order' });
}

/** A guest's checkout up to the review step, through every step of the UI. */
async function guestToReview(cardNumber = SUCCEEDING_CARD) {
  guestWithCart();
  const view = renderApp('/checkout');
  await fillGuestAddress(view);
  await view.user.click(screen.getByRole('button', { name: 'Continue to shipping' }));
  await view.user.click(await screen.findByRole('radio', { name: /^Express/ }));
  await view.user.click(screen.getByRole('button', { name: 'Continue to payment' }));
  await payWith(view, cardNumber);
  return view;
}

const draftOf = () => [...fakeCheckout.drafts.values()][0];

/** `METHOD /path` of every checkout call the SPA makes during the test. */
function checkoutCalls() {
  const calls: string[] = [];
  const record = ({ request }: LifeCycleEventsMap['request:start'][0]) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (path.startsWith('/checkout')) calls.push(`${request.method} ${path}`);
  };
  server.events.on('request:start', record);
  onTestFinished(() => server.events.removeListener('request:start', record));
  return calls;
}

// Every step is typed key by key, as a shopper would: on a busy machine that outlasts the 5 s default.
describe('checkout', { timeout: 20_000 }, () => {
  it('runs the steps in order and checks each field before anything is saved', async () => {
    guestWithCart();
    const view = renderApp('/checkout');
    const { user } = view;
    expect(await screen.findByRole('heading', { level: 1, name: 'Checkout' })).toBeInTheDocument();
    // The form waits for the cart: an empty one gets no form at all.
    await screen.findByRole('navigation', { name: 'Checkout progress' });
    expect(currentStep()).toBe('Address');

    await user.click(await screen.findByRole('button', { name: 'Continue to shipping' }));
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      expect.stringContaining('Email must be an email address'),
    );
    expect(screen.getByLabelText('Full name')).toHaveAccessibleDescription('Full name is required.');
    expect(screen.getByLabelText('City')).toHaveAccessibleDescription('City is required.');
    expect(fakeCheckout.drafts.size).toBe(0);

    await fillGuestAddress(view);
    await user.click(screen.getByRole('button', { name: 'Continue to shipping' }));
    const methods = await screen.findByRole('group', { name: 'Delivery' });
    expect(currentStep()).toContain('Shipping');
    expect(draftOf()).toMatchObject({ email: 'guest@example.com', step: 'shipping' });
    expect(draftOf()?.shippingAddress).toMatchObject({
      name: 'Grace Hopper',
      region: 'VA',
      postalCode: '22201',
    });
    expect(within(methods).getByRole('radio', { name: 'Standard, $5.00, 5 days' })).toBeChecked();
    await user.click(within(methods).getByRole('radio', { name: 'Express, $15.00, 2 days' }));
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));

    await user.type(await screen.findByLabelText('Card number'), '4242 4242 4242 4241');
    await user.type(screen.getByLabelText('Expiry date'), '13/30');
    await user.click(screen.getByRole('button', { name: 'Continue to review' }));
    expect(screen.getByLabelText('Card number')).toHaveAccessibleDescription(
      'Enter the card number as it is printed on the card.',
    );
    expect(screen.getByLabelText('Expiry date')).toHaveAccessibleDescription(
      'MM/YY Enter the expiry date as MM/YY, e.g. 04/29.',
    );
    expect(screen.getByLabelText('CVC')).toHaveAccessibleDescription(
      'Enter the 3 or 4 digits on the back of the card.',
    );
    expect(screen.getByLabelText('Card number')).toHaveAttribute('autocomplete', 'cc-number');
    expect(draftOf()?.shippingMethodId).toBe('express');
  });

  it('places the order and shows the confirmation with its number; no card data is stored', async () => {
    const view = await guestToReview();
    expect(currentStep()).toContain('Review');
    // 2 × $199.00 + 10 % tax + $15.00 express.
    expect(screen.getByText('$452.80', { selector: 'strong' })).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Place order' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Thank you for your order' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('order-number')).toHaveTextContent(fakeCheckout.orders[0]!.number);
    expect(screen.getByText(/Order number/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/register');
    expect(fakeCheckout.completions).toEqual([
      { key: expect.any(String), body: { cardNumber: SUCCEEDING_CARD } },
    ]);
    const stored = JSON.stringify({ ...localStorage, ...sessionStorage });
    expect(stored).not.toContain('4242');
    expect(stored).not.toContain(draftOf()!.id);
  });

  it('shows a declined card, keeps the draft open and lets the shopper retry with another card', async () => {
    const view = await guestToReview(DECLINED_CARD);
    await view.user.click(screen.getByRole('button', { name: 'Place order' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your card was declined. Nothing was charged');
    expect(draftOf()).toMatchObject({ status: 'open', step: 'review' });
    expect(fakeCheckout.orders).toHaveLength(0);

    await view.user.click(screen.getByRole('button', { name: 'Use another card' }));
    await payWith(view, SUCCEEDING_CARD);
    await view.user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { name: 'Thank you for your order' });
    const [declined, placed] = fakeCheckout.completions;
    expect(declined?.body).toEqual({ cardNumber: DECLINED_CARD });
    expect(placed?.body).toEqual({ cardNumber: SUCCEEDING_CARD });
    expect(placed?.key).not.toBe(declined?.key);
  });

  it('reuses the Idempotency-Key when the same attempt is retried after a lost answer', async () => {
    const view = await guestToReview();
    const keys: (string | null)[] = [];
    server.use(
      http.post(
        `${TEST_API}/checkout/:id/complete`,
        ({ request }) => {
          keys.push(request.headers.get('idempotency-key'));
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    await view.user.click(screen.getByRole('button', { name: 'Place order' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach the shop');
    await view.user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { name: 'Thank you for your order' });
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(fakeCheckout.completions.map((c) => c.key)).toEqual([keys[0]]);
    expect(fakeCheckout.orders).toHaveLength(1);
  });

  it('explains a price change at completion, charges nothing and sends the shopper back to review', async () => {
    const view = await guestToReview();
    fakeCheckout.prices[HEADPHONES] = 21_900;
    await view.user.click(screen.getByRole('button', { name: 'Place order' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your order changed since you reviewed it. Nothing was charged.');
    expect(alert).toHaveTextContent('Wireless Headphones: the price changed from $199.00 to $219.00.');
    expect(within(alert).getByRole('link', { name: 'change your cart' })).toHaveAttribute('href', '/cart');
    expect(fakeCheckout.orders).toHaveLength(0);

    await view.user.click(within(alert).getByRole('button', { name: 'Review the updated order' }));
    // 2 × $219.00 + 10 % tax + $15.00 express.
    expect(await screen.findByText('$496.80', { selector: 'strong' })).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { name: 'Thank you for your order' });
    expect(fakeCheckout.orders[0]?.totalCents).toBe(49_680);
  });

  it('lets a signed-in shopper pick a saved address from the address book', async () => {
    fakeAccount.addresses = [
      makeAddress(),
      makeAddress({
        id: '00000000-0000-4000-8000-0000000ad002',
        name: 'Ada at work',
        line1: '5 Fleet Street',
        isDefault: false,
      }),
    ];
    seedCart([{ productId: HEADPHONES, quantity: 1 }]);
    const { user } = renderApp('/checkout', { signedIn: true });
    const picker = await screen.findByRole('group', { name: 'Ship to' });
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
    expect(
      within(picker).getByRole('radio', { name: 'Ada Lovelace, 12 St James Square, London' }),
    ).toBeChecked();
    expect(screen.queryByLabelText('Full name')).not.toBeInTheDocument();

    await user.click(within(picker).getByRole('radio', { name: 'Ada at work, 5 Fleet Street, London' }));
    await user.click(screen.getByRole('button', { name: 'Continue to shipping' }));
    await screen.findByRole('group', { name: 'Delivery' });
    expect(fakeAccount.bodies.get(`PUT /checkout/${draftOf()!.id}/address`)).toEqual({
      shippingAddressId: '00000000-0000-4000-8000-0000000ad002',
      billingSameAsShipping: true,
    });
    expect(draftOf()?.shippingAddress).toMatchObject({ line1: '5 Fleet Street' });
  });

  it('offers to resume a draft in progress and restores the half-typed fields after a reload', async () => {
    guestWithCart();
    const first = renderApp('/checkout');
    await fillGuestAddress(first);
    await waitFor(() => expect(fakeCheckout.drafts.size).toBe(1));
    first.unmount();

    const { user } = renderApp('/checkout');
    expect(await screen.findByText('You have a checkout in progress')).toBeInTheDocument();
    expect(screen.queryByLabelText('Full name')).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Resume checkout' }));
    expect(await screen.findByLabelText('Full name')).toHaveValue('Grace Hopper');
    expect(screen.getByLabelText('Email')).toHaveValue('guest@example.com');
    expect(screen.getByLabelText('ZIP code')).toHaveValue('22201');
  });

  it('starts no checkout on a mere visit: only the first save does', async () => {
    fakeAccount.addresses = [makeAddress()];
    seedCart([{ productId: HEADPHONES, quantity: 1 }]);
    const calls = checkoutCalls();
    const { user } = renderApp('/checkout', { signedIn: true });
    await screen.findByRole('group', { name: 'Ship to' });
    expect(new Set(calls)).toEqual(new Set(['GET /checkout/current']));
    expect(fakeCheckout.drafts.size).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Continue to shipping' }));
    await screen.findByRole('group', { name: 'Delivery' });
    expect(calls.filter((call) => call === 'POST /checkout')).toHaveLength(1);
    expect(calls).toContain(`PUT /checkout/${draftOf()!.id}/address`);
  });

  it('starts a signed-in shopper’s draft with the first edit, so the typing is kept', async () => {
    seedCart([{ productId: HEADPHONES, quantity: 1 }]);
    const { user } = renderApp('/checkout', { signedIn: true });
    await user.type(await screen.findByLabelText('Full name'), 'Ada');
    await waitFor(() => expect(draftOf()).toMatchObject({ owner: 'user', step: 'address' }));
    await waitFor(() => expect(Object.values({ ...sessionStorage }).join()).toContain('Ada'));
  });

  it('starts no checkout when a guest merely visits', async () => {
    guestWithCart();
    const calls = checkoutCalls();
    renderApp('/checkout');
    await screen.findByLabelText('Email');
    expect(screen.getByRole('button', { name: 'Continue to shipping' })).toBeInTheDocument();
    expect(calls.filter((call) => call.startsWith('POST'))).toEqual([]);
    expect(fakeCheckout.drafts.size).toBe(0);
  });

  it('shows an empty cart instead of the form, for guests and signed-in shoppers', async () => {
    cartToken.set(GUEST_CART);
    seedCart([], GUEST_CART);
    const calls = checkoutCalls();
    const guest = renderApp('/checkout');
    expect(await screen.findByRole('heading', { name: 'Your cart is empty' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue shopping' })).toHaveAttribute('href', '/');
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
    guest.unmount();

    renderApp('/checkout', { signedIn: true });
    expect(await screen.findByRole('heading', { name: 'Your cart is empty' })).toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it('resumes a signed-in shopper’s draft from another device at its step', async () => {
    seedCart([{ productId: HEADPHONES, quantity: 1 }]);
    seedDraft({ owner: 'user', step: 'shipping', shippingAddress: checkoutAddress() });
    const { user } = renderApp('/checkout', { signedIn: true });
    await user.click(await screen.findByRole('link', { name: 'Resume checkout' }));
    expect(await screen.findByRole('group', { name: 'Delivery' })).toBeInTheDocument();
    expect(currentStep()).toContain('Shipping');
  });

  it('sends the shopper back to shipping when the order no longer fits the chosen method', async () => {
    seedCart([{ productId: HEADPHONES, quantity: 1 }]);
    seedDraft({
      owner: 'user',
      step: 'payment',
      shippingAddress: checkoutAddress(),
      shippingMethodId: 'express',
    });
    server.use(
      http.post(`${TEST_API}/checkout/:id/payment`, () =>
        problem(409, 'Conflict', 'Choose a shipping method again: the order changed', {
          code: 'checkout_step_out_of_order',
        }),
      ),
    );
    const { user } = renderApp('/checkout', { signedIn: true });
    await user.click(await screen.findByRole('link', { name: 'Resume checkout' }));
    expect(await screen.findByRole('group', { name: 'Delivery' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a shipping method again: the order changed');
    expect(currentStep()).toContain('Shipping');
  });
});

describe('the recovery email’s links', () => {
  it('resumes a guest’s checkout with the fresh cart token', async () => {
    seedCart([{ productId: HEADPHONES, quantity: 1 }], 'old-token');
    const draft = seedDraft({
      owner: 'cart:old-token',
      step: 'shipping',
      email: 'guest@example.com',
      shippingAddress: checkoutAddress(),
    });
    fakeCheckout.resumeTokens.set('resume-token-0123456789', draft.id);
    const view = renderApp('/checkout/resume?token=resume-token-0123456789');
    expect(await screen.findByRole('group', { name: 'Delivery' })).toBeInTheDocument();
    expect(view.url()).toBe('/checkout');
    expect(cartToken.get()).toMatch(/^resumed-cart-/);
  });

  it('says so when the link is no longer valid', async () => {
    renderApp('/checkout/resume?token=unknown-token-0123456789');
    expect(
      await screen.findByRole('heading', { name: 'This checkout can no longer be resumed' }),
    ).toBeInTheDocument();
  });

  it('opts out of the reminders and confirms it', async () => {
    fakeCheckout.resumeTokens.set('resume-token-0123456789', 'any');
    renderApp('/checkout/resume?token=resume-token-0123456789&optOut=1');
    expect(await screen.findByRole('heading', { name: 'No more reminders' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('You will not get any more reminder emails');
    expect(fakeCheckout.optedOut.has('resume-token-0123456789')).toBe(true);
  });
});
