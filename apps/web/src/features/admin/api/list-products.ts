import type { AdminProductListParams, SecureCartClient } from '@securecart/client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_PRODUCTS_KEY } from './query-keys.ts';

export const listProductsQueryOptions = (client: SecureCartClient, params: AdminProductListParams) =>
  queryOptions({
    queryKey: [...ADMIN_PRODUCTS_KEY, 'list', params],
    queryFn: ({ signal }) => client.admin.listProducts(params, signal),
    // The table stays on screen while the next page or sort loads.
    placeholderData: keepPreviousData,
  });

export function useAdminProducts(params: AdminProductListParams) {
  const client = useApiClient();
  return useQuery(listProductsQueryOptions(client, params));
}
