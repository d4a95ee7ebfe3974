import type { AdminUserListParams, SecureCartClient } from '@securecart/client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_USERS_KEY } from './query-keys.ts';

export const listUsersQueryOptions = (client: SecureCartClient, params: AdminUserListParams) =>
  queryOptions({
    queryKey: [...ADMIN_USERS_KEY, 'list', params],
    queryFn: ({ signal }) => client.admin.listUsers(params, signal),
    // The table stays on screen while the next page loads.
    placeholderData: keepPreviousData,
  });

export function useAdminUsers(params: AdminUserListParams) {
  const client = useApiClient();
  return useQuery(listUsersQueryOptions(client, params));
}
