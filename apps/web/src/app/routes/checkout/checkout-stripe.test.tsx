import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cartToken } from '../../../features/cart/cart-token.ts';
import { checkoutAddress, fakeCheckout, seedCart, seedDraft } from '../../../testing/checkout-handlers.ts';
import { products } from '../../../testing/fixtures.ts';
import { renderApp } from '../../../testing/render-app.tsx';

// Stripe.js itself is the outside service here: faked at its module edge, as a network fake would.
const stripe = vi.hoisted(() => ({
  loadStripe: vi.fn(async (_key: string) => ({})),
  confirmPayment: vi.fn(async (_options: unknown) => ({})),
  submit: vi.fn(async () => ({})),
}));
vi.mock('@stripe/stripe-js', () => ({ loadStripe: stripe.loadStripe }));
vi.mock('@stripe/react-stripe-js', () => ({
  Elements: ({ children }: { children: ReactNode }) => children,
  PaymentElement: () => <div data-testid="payment-element" />,
  useStripe: () => ({ confirmPayment: stripe.confirmPayment }),
  useElements: () => ({ submit: stripe.submit }),
}));

const GUEST_CART = 'guest-cart-token-1';

function guestAtPayment() {
  cartToken.set(GUEST_CART);
  seedCart([{ productId: products[2]!.id, quantity: 1 }], GUEST_CART);
  const draft = seedDraft({
    owner: `cart:${GUEST_CART}`,
    step: 'payment',
    email: 'guest@example.com',
    shippingAddress: checkoutAddress(),
    shippingMethodId: 'standard',
  });
  localStorage.setItem('securecart.checkoutId', draft.id);
}

// The first run transforms the lazily imported Stripe module, which can outlast the 5 s default.
describe('checkout with Stripe', { timeout: 20_000 }, () => {
  afterEach(() => vi.clearAllMocks());

  it('loads Stripe.js only when the shop answers with a key, and confirms before placing the order', async () => {
    guestAtPayment();
    fakeCheckout.stripe = { publishableKey: 'pk_test_1', clientSecret: 'pi_1_secret_2' };
    const { user } = renderApp('/checkout');
    await user.click(await screen.findByRole('link', { name: 'Resume checkout' }));
    expect(await screen.findByTestId('payment-element')).toBeInTheDocument();
    expect(stripe.loadStripe).toHaveBeenCalledWith('pk_test_1');
    expect(screen.queryByLabelText('Card number')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Continue to review' }));
    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { name: 'Thank you for your order' });
    expect(stripe.submit).toHaveBeenCalledOnce();
    expect(stripe.confirmPayment).toHaveBeenCalledWith(expect.objectContaining({ redirect: 'if_required' }));
    expect(fakeCheckout.completions).toEqual([{ key: expect.any(String), body: {} }]);
  });

  it('never loads Stripe.js for the simulated provider', async () => {
    guestAtPayment();
    const { user } = renderApp('/checkout');
    await user.click(await screen.findByRole('link', { name: 'Resume checkout' }));
    expect(await screen.findByLabelText('Card number')).toBeInTheDocument();
    expect(stripe.loadStripe).not.toHaveBeenCalled();
  });
});
