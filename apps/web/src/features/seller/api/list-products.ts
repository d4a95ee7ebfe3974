import type { SecureCartClient } from '@securecart/client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { SELLER_PRODUCTS_KEY, type SellerProductListParams } from './query-keys.ts';

export const listSellerProductsQueryOptions = (client: SecureCartClient, params: SellerProductListParams) =>
  queryOptions({
    queryKey: [...SELLER_PRODUCTS_KEY, 'list', params],
    queryFn: ({ signal }) => client.seller.listProducts(params, signal),
    // The table stays on screen while the next page or sort loads.
    placeholderData: keepPreviousData,
  });

export function useSellerProducts(params: SellerProductListParams) {
  const client = useApiClient();
  return useQuery(listSellerProductsQueryOptions(client, params));
}
