import type { SecureCartClient } from '@securecart/client';
import type { Checkout, StartCheckoutBody } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { checkoutQueryKey } from './get-checkout.ts';

/** Starts a draft from the cart, or answers the cart's open one (one open draft per cart). */
export const startCheckout = (client: SecureCartClient, body: StartCheckoutBody): Promise<Checkout> =>
  client.checkout.start(body);

export function useStartCheckout() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartCheckoutBody) => startCheckout(client, body),
    onSuccess: (draft) => queryClient.setQueryData(checkoutQueryKey(draft.id), draft),
  });
}
