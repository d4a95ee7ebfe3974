import type { SecureCartClient } from '@securecart/client';
import type { Order, Page } from '@securecart/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const ORDERS_PAGE_SIZE = 10;
export type OrderSummary = Omit<Order, 'timeline'>;

export const listMyOrders = (
  client: SecureCartClient,
  page: number,
  signal?: AbortSignal,
): Promise<Page<OrderSummary>> => client.orders.listMine({ page, pageSize: ORDERS_PAGE_SIZE }, signal);

export const myOrdersQueryOptions = (client: SecureCartClient, page: number) =>
  queryOptions({
    queryKey: ['orders', 'mine', { page }] as const,
    queryFn: ({ signal }) => listMyOrders(client, page, signal),
  });

export function useMyOrders(page: number) {
  const client = useApiClient();
  // The previous page stays on screen while the next one loads, so the pager does not jump.
  return useQuery({ ...myOrdersQueryOptions(client, page), placeholderData: keepPreviousData });
}
