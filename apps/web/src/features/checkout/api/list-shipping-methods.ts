import type { SecureCartClient, ShippingOption } from '@securecart/client';
import type { Page } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const listShippingMethods = (
  client: SecureCartClient,
  id: string,
  signal?: AbortSignal,
): Promise<Page<ShippingOption>> => client.checkout.shippingMethods(id, signal);

export const shippingMethodsQueryOptions = (client: SecureCartClient, id: string) =>
  queryOptions({
    queryKey: ['checkout', id, 'shipping-methods'] as const,
    queryFn: ({ signal }) => listShippingMethods(client, id, signal),
    // Eligibility depends on the live subtotal, which may have changed since the last visit.
    staleTime: 0,
  });

export function useShippingMethods(id: string) {
  const client = useApiClient();
  return useQuery(shippingMethodsQueryOptions(client, id));
}
