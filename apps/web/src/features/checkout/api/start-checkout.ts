import type { SecureCartClient } from '@securecart/client';
import type { Checkout, StartCheckoutBody } from '@securecart/contract';

/** Starts a draft from the cart, or answers the cart's open one (one open draft per cart). */
export const startCheckout = (client: SecureCartClient, body: StartCheckoutBody): Promise<Checkout> =>
  client.checkout.start(body);
