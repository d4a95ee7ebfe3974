import type { SecureCartClient } from '@securecart/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { userQueryKey } from './query-keys.ts';

export const getUserQueryOptions = (client: SecureCartClient, id: string) =>
  queryOptions({ queryKey: userQueryKey(id), queryFn: ({ signal }) => client.admin.getUser(id, signal) });

export function useAdminUser(id: string) {
  const client = useApiClient();
  return useQuery(getUserQueryOptions(client, id));
}
