import type { ReportRangeParams, SecureCartClient } from '@securecart/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_REPORTS_KEY } from './query-keys.ts';

export const salesReportQueryOptions = (client: SecureCartClient, params: ReportRangeParams) =>
  queryOptions({
    queryKey: [...ADMIN_REPORTS_KEY, 'sales', params],
    queryFn: ({ signal }) => client.admin.salesReport(params, signal),
  });

export function useSalesReport(params: ReportRangeParams) {
  const client = useApiClient();
  return useQuery(salesReportQueryOptions(client, params));
}
