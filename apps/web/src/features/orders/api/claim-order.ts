import type { SecureCartClient } from '@securecart/client';
import type { Order } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** Attaches a guest order to the signed-in account (its verified email must be the order's). */
export const claimOrder = (client: SecureCartClient, number: string): Promise<Order> =>
  client.orders.claim(number);

export function useClaimOrder() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: string) => claimOrder(client, number),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['orders', 'mine'] }),
  });
}
