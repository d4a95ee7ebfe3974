import type { SecureCartClient } from '@securecart/client';
import type { Checkout, CheckoutAddressBody } from '@securecart/contract';

/**
 * The address step. Its mutation lives in the address step itself, because a guest's draft may
 * have to be started (with the email) in the same submit, before its id is known.
 */
export const setCheckoutAddress = (
  client: SecureCartClient,
  id: string,
  body: CheckoutAddressBody,
): Promise<Checkout> => client.checkout.setAddress(id, body);
