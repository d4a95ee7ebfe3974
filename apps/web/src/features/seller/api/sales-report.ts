import type { SecureCartClient } from '@securecart/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { SELLER_REPORTS_KEY, type SellerReportParams } from './query-keys.ts';

export const sellerSalesReportQueryOptions = (client: SecureCartClient, params: SellerReportParams) =>
  queryOptions({
    queryKey: [...SELLER_REPORTS_KEY, 'sales', params],
    queryFn: ({ signal }) => client.seller.salesReport(params, signal),
  });

export function useSellerSalesReport(params: SellerReportParams) {
  const client = useApiClient();
  return useQuery(sellerSalesReportQueryOptions(client, params));
}
