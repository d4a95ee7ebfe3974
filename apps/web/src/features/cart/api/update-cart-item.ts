import type { SecureCartClient } from '@securecart/client';
import type { Cart } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import type { CartEstimate } from '../cart-estimate.ts';
import { CART_MUTATION_SCOPE } from './cart-mutation-scope.ts';
import { cartQueryKey, useCartContext } from './get-cart.ts';

export interface UpdateCartItemInput {
  productId: string;
  /** 0 removes the line (PATCH answers with the cart, so the totals come back in one trip). */
  quantity: number;
}

export const updateCartItem = (
  client: SecureCartClient,
  { productId, quantity }: UpdateCartItemInput,
  estimate: CartEstimate,
): Promise<Cart> => client.cart.updateItem(productId, quantity, estimate);

export function useUpdateCartItem() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { owner, estimate } = useCartContext();
  const key = cartQueryKey(owner, estimate);
  return useMutation({
    mutationFn: (input: UpdateCartItemInput) => updateCartItem(client, input, estimate),
    scope: CART_MUTATION_SCOPE,
    onSuccess: (cart) => queryClient.setQueryData(key, cart),
    // A refusal (stock changed, line gone) means the cart on screen may be out of date.
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
