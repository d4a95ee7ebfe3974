import type { SecureCartClient } from '@securecart/client';
import type { Checkout } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { checkoutQueryKey } from './get-checkout.ts';

export const setCheckoutShipping = (
  client: SecureCartClient,
  id: string,
  methodId: string,
): Promise<Checkout> => client.checkout.setShipping(id, methodId);

export function useSetCheckoutShipping(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (methodId: string) => setCheckoutShipping(client, id, methodId),
    onSuccess: (draft) => queryClient.setQueryData(checkoutQueryKey(id), draft),
  });
}
