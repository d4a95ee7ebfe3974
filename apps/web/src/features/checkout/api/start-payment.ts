import type { SecureCartClient } from '@securecart/client';
import type { PaymentStarted } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { checkoutQueryKey } from './get-checkout.ts';

/** Starts payment with the shop's provider (the draft moves on to review on the server). */
export const startPayment = (client: SecureCartClient, id: string): Promise<PaymentStarted> =>
  client.checkout.startPayment(id);

export function useStartPayment(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startPayment(client, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: checkoutQueryKey(id), exact: true }),
  });
}
