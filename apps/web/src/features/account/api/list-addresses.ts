import type { SecureCartClient } from '@securecart/client';
import type { Address, Page } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const ADDRESSES_QUERY_KEY = ['account', 'addresses'] as const;
/** The address book is short; one full page shows it all. */
const ADDRESS_PAGE_SIZE = 100;

export const listAddresses = (client: SecureCartClient, signal?: AbortSignal): Promise<Page<Address>> =>
  client.account.listAddresses({ pageSize: ADDRESS_PAGE_SIZE }, signal);

export const listAddressesQueryOptions = (client: SecureCartClient) =>
  queryOptions({ queryKey: ADDRESSES_QUERY_KEY, queryFn: ({ signal }) => listAddresses(client, signal) });

export function useAddresses() {
  const client = useApiClient();
  return useQuery(listAddressesQueryOptions(client));
}
