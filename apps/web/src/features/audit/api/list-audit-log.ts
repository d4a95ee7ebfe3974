import type { AuditLogParams, SecureCartClient } from '@securecart/client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const listAuditLogQueryOptions = (client: SecureCartClient, params: AuditLogParams) =>
  queryOptions({
    queryKey: ['admin', 'audit-log', params],
    queryFn: ({ signal }) => client.admin.listAuditLog(params, signal),
    // The table stays on screen while the next page loads.
    placeholderData: keepPreviousData,
  });

export function useAuditLog(params: AuditLogParams) {
  const client = useApiClient();
  return useQuery(listAuditLogQueryOptions(client, params));
}
