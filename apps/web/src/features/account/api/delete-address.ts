import type { SecureCartClient } from '@securecart/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADDRESSES_QUERY_KEY } from './list-addresses.ts';

export const deleteAddress = (client: SecureCartClient, id: string): Promise<void> =>
  client.account.deleteAddress(id);

export function useDeleteAddress() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteAddress(client, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADDRESSES_QUERY_KEY }),
  });
}
