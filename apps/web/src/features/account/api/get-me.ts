import type { SecureCartClient } from '@securecart/client';
import type { Profile } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const ME_QUERY_KEY = ['account', 'me'] as const;

export const getMe = (client: SecureCartClient, signal?: AbortSignal): Promise<Profile> =>
  client.account.getMe(signal);

export const getMeQueryOptions = (client: SecureCartClient) =>
  queryOptions({ queryKey: ME_QUERY_KEY, queryFn: ({ signal }) => getMe(client, signal) });

export function useMe() {
  const client = useApiClient();
  return useQuery(getMeQueryOptions(client));
}
