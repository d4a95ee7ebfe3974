import type { SecureCartClient } from '@securecart/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_ORDERS_KEY } from './query-keys.ts';

export const orderStatusCountsQueryOptions = (client: SecureCartClient) =>
  queryOptions({
    queryKey: [...ADMIN_ORDERS_KEY, 'status-counts'],
    queryFn: ({ signal }) => client.admin.orderStatusCounts(signal),
  });

export function useOrderStatusCounts() {
  const client = useApiClient();
  return useQuery(orderStatusCountsQueryOptions(client));
}
