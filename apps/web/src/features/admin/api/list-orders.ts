import type { AdminOrderListParams, SecureCartClient } from '@securecart/client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_ORDERS_KEY } from './query-keys.ts';

export const listOrdersQueryOptions = (client: SecureCartClient, params: AdminOrderListParams) =>
  queryOptions({
    queryKey: [...ADMIN_ORDERS_KEY, 'list', params],
    queryFn: ({ signal }) => client.admin.listOrders(params, signal),
    placeholderData: keepPreviousData,
  });

export function useAdminOrders(params: AdminOrderListParams) {
  const client = useApiClient();
  return useQuery(listOrdersQueryOptions(client, params));
}
