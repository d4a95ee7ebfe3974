import type { SecureCartClient } from '@securecart/client';
import type { Order } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export interface GuestOrderLink {
  number: string;
  email: string;
  token: string;
}

export const getGuestOrder = (
  client: SecureCartClient,
  { number, email, token }: GuestOrderLink,
  signal?: AbortSignal,
): Promise<Order> => client.orders.getAsGuest(number, email, token, signal);

export const guestOrderQueryOptions = (client: SecureCartClient, link: GuestOrderLink) =>
  queryOptions({
    // The token is part of the key so a corrected link is looked up afresh.
    queryKey: ['orders', 'guest', link] as const,
    queryFn: ({ signal }) => getGuestOrder(client, link, signal),
  });

export function useGuestOrder(link: GuestOrderLink, enabled: boolean) {
  const client = useApiClient();
  return useQuery({ ...guestOrderQueryOptions(client, link), enabled });
}
