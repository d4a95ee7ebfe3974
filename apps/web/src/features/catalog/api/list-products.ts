import type { ProductListParams, SecureCartClient } from '@securecart/client';
import type { Page, Product } from '@securecart/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const listProducts = (
  client: SecureCartClient,
  params: ProductListParams,
  signal?: AbortSignal,
): Promise<Page<Product>> => client.catalog.listProducts(params, signal);

export const listProductsQueryOptions = (client: SecureCartClient, params: ProductListParams) =>
  queryOptions({
    queryKey: ['catalog', 'products', params],
    queryFn: ({ signal }) => listProducts(client, params, signal),
    // Keep the current grid on screen while the next filter or page loads, instead of a blank flash.
    placeholderData: keepPreviousData,
  });

export function useProducts(params: ProductListParams) {
  const client = useApiClient();
  return useQuery(listProductsQueryOptions(client, params));
}
