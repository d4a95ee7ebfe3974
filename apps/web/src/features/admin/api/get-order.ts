import type { SecureCartClient } from '@securecart/client';
import type { AdminOrder } from '@securecart/contract';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_ORDERS_KEY } from './query-keys.ts';

const orderQueryKey = (id: string) => [...ADMIN_ORDERS_KEY, 'detail', id] as const;

export const getOrderQueryOptions = (client: SecureCartClient, id: string) =>
  queryOptions({ queryKey: orderQueryKey(id), queryFn: ({ signal }) => client.admin.getOrder(id, signal) });

export function useAdminOrder(id: string) {
  const client = useApiClient();
  return useQuery(getOrderQueryOptions(client, id));
}

/** Ship, complete and refund answer with the updated order: show it, and refetch the lists. */
export function useOrderChanged() {
  const queryClient = useQueryClient();
  return (order: AdminOrder) => {
    queryClient.setQueryData(orderQueryKey(order.id), order);
    return queryClient.invalidateQueries({ queryKey: [...ADMIN_ORDERS_KEY, 'list'] });
  };
}
