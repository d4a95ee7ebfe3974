import type { SecureCartClient } from '@securecart/client';
import type { Order } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const getMyOrder = (client: SecureCartClient, id: string, signal?: AbortSignal): Promise<Order> =>
  client.orders.getMine(id, signal);

export const myOrderQueryOptions = (client: SecureCartClient, id: string) =>
  queryOptions({
    queryKey: ['orders', 'mine', id] as const,
    queryFn: ({ signal }) => getMyOrder(client, id, signal),
  });

export function useMyOrder(id: string) {
  const client = useApiClient();
  return useQuery(myOrderQueryOptions(client, id));
}
