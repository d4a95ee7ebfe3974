import type { ReportRangeParams, SecureCartClient } from '@securecart/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_REPORTS_KEY } from '../../admin/api/query-keys.ts';

export const abandonmentReportQueryOptions = (client: SecureCartClient, params: ReportRangeParams) =>
  queryOptions({
    queryKey: [...ADMIN_REPORTS_KEY, 'abandonment', params],
    queryFn: ({ signal }) => client.admin.abandonmentReport(params, signal),
  });

export function useAbandonmentReport(params: ReportRangeParams) {
  const client = useApiClient();
  return useQuery(abandonmentReportQueryOptions(client, params));
}
