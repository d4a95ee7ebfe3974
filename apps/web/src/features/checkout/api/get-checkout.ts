import type { SecureCartClient } from '@securecart/client';
import type { Checkout } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const checkoutQueryKey = (id: string) => ['checkout', id] as const;

export const getCheckout = (client: SecureCartClient, id: string, signal?: AbortSignal): Promise<Checkout> =>
  client.checkout.get(id, signal);

export const checkoutQueryOptions = (client: SecureCartClient, id: string) =>
  queryOptions({
    queryKey: checkoutQueryKey(id),
    queryFn: ({ signal }) => getCheckout(client, id, signal),
    // The draft's live prices are what the shopper is about to pay: never show a stale copy.
    staleTime: 0,
  });

export function useCheckout(id: string | undefined) {
  const client = useApiClient();
  return useQuery({ ...checkoutQueryOptions(client, id ?? ''), enabled: Boolean(id) });
}
