import type { SecureCartClient } from '@securecart/client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { SELLER_ORDERS_KEY, type SellerOrderListParams } from './query-keys.ts';

export const listOrderLinesQueryOptions = (client: SecureCartClient, params: SellerOrderListParams) =>
  queryOptions({
    queryKey: [...SELLER_ORDERS_KEY, 'list', params],
    queryFn: ({ signal }) => client.seller.listOrderLines(params, signal),
    placeholderData: keepPreviousData,
  });

export function useSellerOrderLines(params: SellerOrderListParams) {
  const client = useApiClient();
  return useQuery(listOrderLinesQueryOptions(client, params));
}
