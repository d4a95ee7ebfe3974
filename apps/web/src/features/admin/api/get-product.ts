import type { SecureCartClient } from '@securecart/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_PRODUCTS_KEY } from './query-keys.ts';

export const productQueryKey = (id: string) => [...ADMIN_PRODUCTS_KEY, 'detail', id] as const;

export const getProductQueryOptions = (client: SecureCartClient, id: string) =>
  queryOptions({
    queryKey: productQueryKey(id),
    queryFn: ({ signal }) => client.admin.getProduct(id, signal),
  });

export function useAdminProduct(id: string) {
  const client = useApiClient();
  return useQuery(getProductQueryOptions(client, id));
}
