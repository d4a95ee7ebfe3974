import type { SecureCartClient } from '@securecart/client';
import type { Cart } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { isStatus, problemCode } from '../../../lib/form-errors.ts';
import { useAuth } from '../../auth/session/auth-context.ts';
import { type CartEstimate, useCartEstimate } from '../cart-estimate.ts';
import { cartToken } from '../cart-token.ts';

/** A signed-in user's id, or `guest`: a sign-in switches to the user's (merged) cart. */
export type CartOwner = string;

export const cartQueryKey = (owner: CartOwner, estimate: CartEstimate) => ['cart', owner, estimate] as const;

/**
 * A guest token the server no longer knows (30 idle days) answers 404 `cart_not_found` — unlike a
 * 404 about the product — and one it refuses outright (REQUIRE_LOGIN) answers 401.
 */
export const isStaleGuestCart = (error: unknown) =>
  problemCode(error) === 'cart_not_found' || isStatus(error, 401);

/**
 * The cart, or null for a guest who has none: without a token there is nothing to ask for, and a
 * stale token is forgotten so the next add starts a fresh cart.
 */
export async function getCart(
  client: SecureCartClient,
  owner: CartOwner,
  estimate: CartEstimate,
  signal?: AbortSignal,
): Promise<Cart | null> {
  const guest = owner === 'guest';
  if (guest && !cartToken.get()) return null;
  try {
    return await client.cart.get(estimate, signal);
  } catch (error) {
    if (!guest || !isStaleGuestCart(error)) throw error;
    cartToken.clear();
    return null;
  }
}

export const getCartQueryOptions = (client: SecureCartClient, owner: CartOwner, estimate: CartEstimate) =>
  queryOptions({
    queryKey: cartQueryKey(owner, estimate),
    queryFn: ({ signal }) => getCart(client, owner, estimate, signal),
    // A new estimate keeps the lines on screen; another owner's cart never stands in for this one.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === owner ? previous : undefined,
  });

/** Whose cart, with which estimate: what every cart query and mutation is keyed by. */
export function useCartContext() {
  const auth = useAuth();
  const estimate = useCartEstimate();
  const owner: CartOwner = auth.user?.id ?? 'guest';
  return { owner, estimate, ready: auth.status !== 'loading' };
}

export function useCart() {
  const client = useApiClient();
  const { owner, estimate, ready } = useCartContext();
  // While the session is being restored the owner is unknown: wait rather than fetch the wrong cart.
  return useQuery({ ...getCartQueryOptions(client, owner, estimate), enabled: ready });
}
