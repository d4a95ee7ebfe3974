import type { SecureCartClient } from '@securecart/client';
import type { Page, Session } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const SESSIONS_QUERY_KEY = ['auth', 'sessions'] as const;
/** At most 5 live sessions exist; one page holds them all. */
const SESSIONS_PAGE_SIZE = 20;

export const listSessions = (client: SecureCartClient, signal?: AbortSignal): Promise<Page<Session>> =>
  client.auth.listSessions({ pageSize: SESSIONS_PAGE_SIZE }, signal);

export const listSessionsQueryOptions = (client: SecureCartClient) =>
  queryOptions({
    queryKey: SESSIONS_QUERY_KEY,
    queryFn: ({ signal }) => listSessions(client, signal),
    staleTime: 0,
  });

export function useSessions() {
  const client = useApiClient();
  return useQuery(listSessionsQueryOptions(client));
}
