import type { SecureCartClient } from '@securecart/client';
import type { Category, Page } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

const CATEGORIES_STALE_MS = 5 * 60 * 1000;

export const listCategories = (client: SecureCartClient, signal?: AbortSignal): Promise<Page<Category>> =>
  client.catalog.listCategories(signal);

export const listCategoriesQueryOptions = (client: SecureCartClient) =>
  queryOptions({
    queryKey: ['catalog', 'categories'],
    queryFn: ({ signal }) => listCategories(client, signal),
    // Categories change rarely; refetching them on every catalog visit would only add latency.
    staleTime: CATEGORIES_STALE_MS,
  });

export function useCategories() {
  const client = useApiClient();
  return useQuery(listCategoriesQueryOptions(client));
}
