import type { SecureCartClient } from '@securecart/client';
import type { CheckoutResumed } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { cartToken } from '../../cart/cart-token.ts';
import { rememberCheckout } from '../checkout-storage.ts';
import { checkoutQueryKey } from './get-checkout.ts';

export const resumeCheckout = (client: SecureCartClient, token: string): Promise<CheckoutResumed> =>
  client.checkout.resume(token);

export function useResumeCheckout() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => resumeCheckout(client, token),
    onSuccess: ({ checkout, cartToken: token }) => {
      // A guest's previous cart token stopped working: the draft's cart answers to this one now.
      if (token) cartToken.set(token);
      rememberCheckout(checkout.id);
      queryClient.setQueryData(checkoutQueryKey(checkout.id), checkout);
      return queryClient.invalidateQueries({ queryKey: ['cart'] });
    },
  });
}
