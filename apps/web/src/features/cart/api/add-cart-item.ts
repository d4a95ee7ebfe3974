import type { SecureCartClient } from '@securecart/client';
import type { Cart } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import type { CartEstimate } from '../cart-estimate.ts';
import { cartToken } from '../cart-token.ts';
import { CART_MUTATION_SCOPE } from './cart-mutation-scope.ts';
import { type CartOwner, cartQueryKey, isStaleGuestCart, useCartContext } from './get-cart.ts';

export interface AddCartItemInput {
  productId: string;
  quantity: number;
}

async function startGuestCart(client: SecureCartClient): Promise<void> {
  const created = await client.cart.create();
  if (created.cartToken) cartToken.set(created.cartToken);
}

/**
 * Adds to the cart. A guest's first add creates the cart (and keeps its token); a guest whose
 * token has gone stale gets a fresh cart, once.
 */
export async function addCartItem(
  client: SecureCartClient,
  owner: CartOwner,
  { productId, quantity }: AddCartItemInput,
  estimate: CartEstimate,
): Promise<Cart> {
  const add = () => client.cart.addItem(productId, quantity, estimate);
  if (owner !== 'guest') return add();
  if (!cartToken.get()) {
    await startGuestCart(client);
    return add();
  }
  try {
    return await add();
  } catch (error) {
    // Only a cart that is itself gone is started over; a 404 about the product stays an error.
    if (!isStaleGuestCart(error)) throw error;
    cartToken.clear();
    await startGuestCart(client);
    return add();
  }
}

export function useAddCartItem() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { owner, estimate } = useCartContext();
  return useMutation({
    mutationFn: (input: AddCartItemInput) => addCartItem(client, owner, input, estimate),
    scope: CART_MUTATION_SCOPE,
    // The answer is the whole cart with the server's totals: no refetch needed.
    onSuccess: (cart) => queryClient.setQueryData(cartQueryKey(owner, estimate), cart),
  });
}
