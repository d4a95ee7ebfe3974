import type { SecureCartClient } from '@securecart/client';
import type { Product } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const getProduct = (client: SecureCartClient, slug: string, signal?: AbortSignal): Promise<Product> =>
  client.catalog.getProduct(slug, signal);

export const getProductQueryOptions = (client: SecureCartClient, slug: string) =>
  queryOptions({
    queryKey: ['catalog', 'product', slug],
    queryFn: ({ signal }) => getProduct(client, slug, signal),
  });

export function useProduct(slug: string) {
  const client = useApiClient();
  return useQuery(getProductQueryOptions(client, slug));
}
