import type { ReportRangeParams, SecureCartClient } from '@securecart/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_REPORTS_KEY } from '../../admin/api/query-keys.ts';

export const usersReportQueryOptions = (client: SecureCartClient, params: ReportRangeParams) =>
  queryOptions({
    queryKey: [...ADMIN_REPORTS_KEY, 'users', params],
    queryFn: ({ signal }) => client.admin.usersReport(params, signal),
  });

export function useUsersReport(params: ReportRangeParams) {
  const client = useApiClient();
  return useQuery(usersReportQueryOptions(client, params));
}
