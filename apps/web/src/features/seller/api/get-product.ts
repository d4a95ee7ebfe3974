import type { SecureCartClient } from '@securecart/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { SELLER_PRODUCTS_KEY } from './query-keys.ts';

export const sellerProductQueryKey = (id: string) => [...SELLER_PRODUCTS_KEY, 'detail', id] as const;

export const getSellerProductQueryOptions = (client: SecureCartClient, id: string) =>
  queryOptions({
    queryKey: sellerProductQueryKey(id),
    queryFn: ({ signal }) => client.seller.getProduct(id, signal),
  });

/** Another seller's product answers 404, like one that does not exist. */
export function useSellerProduct(id: string) {
  const client = useApiClient();
  return useQuery(getSellerProductQueryOptions(client, id));
}
