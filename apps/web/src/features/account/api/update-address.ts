import type { SecureCartClient } from '@securecart/client';
import type { Address, AddressPatchBody } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADDRESSES_QUERY_KEY } from './list-addresses.ts';

export interface UpdateAddressInput {
  id: string;
  body: AddressPatchBody;
}

export const updateAddress = (client: SecureCartClient, { id, body }: UpdateAddressInput): Promise<Address> =>
  client.account.updateAddress(id, body);

/** Making one address the default clears the previous default, so the whole list is refetched. */
export function useUpdateAddress() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateAddressInput) => updateAddress(client, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADDRESSES_QUERY_KEY }),
  });
}
