import type { SecureCartClient } from '@securecart/client';
import type { Address, AddressBody } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADDRESSES_QUERY_KEY } from './list-addresses.ts';

export const createAddress = (client: SecureCartClient, body: AddressBody): Promise<Address> =>
  client.account.createAddress(body);

export function useCreateAddress() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddressBody) => createAddress(client, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADDRESSES_QUERY_KEY }),
  });
}
