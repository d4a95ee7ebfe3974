import type { InventoryReportParams, SecureCartClient } from '@securecart/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_REPORTS_KEY } from './query-keys.ts';

export const inventoryReportQueryOptions = (client: SecureCartClient, params: InventoryReportParams) =>
  queryOptions({
    queryKey: [...ADMIN_REPORTS_KEY, 'inventory', params],
    queryFn: ({ signal }) => client.admin.inventoryReport(params, signal),
  });

export function useInventoryReport(params: InventoryReportParams = {}) {
  const client = useApiClient();
  return useQuery(inventoryReportQueryOptions(client, params));
}
