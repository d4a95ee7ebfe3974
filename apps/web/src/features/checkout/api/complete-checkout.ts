import type { SecureCartClient } from '@securecart/client';
import type { CompleteCheckoutBody, OrderPlaced } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export interface CompleteVariables {
  body: CompleteCheckoutBody;
  /** One per attempt, reused when the same attempt is retried: never two orders. */
  idempotencyKey: string;
}

export const completeCheckout = (
  client: SecureCartClient,
  id: string,
  { body, idempotencyKey }: CompleteVariables,
): Promise<OrderPlaced> => client.checkout.complete(id, body, idempotencyKey);

export function useCompleteCheckout(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CompleteVariables) => completeCheckout(client, id, variables),
    // The cart was turned into the order: whatever showed it (header, cart page) must re-read it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cart'] }),
  });
}
