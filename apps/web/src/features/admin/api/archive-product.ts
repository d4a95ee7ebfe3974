import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_PRODUCTS_KEY } from './query-keys.ts';

/** DELETE archives (the product stays for order history); its detail and the lists are refetched. */
export function useArchiveProduct(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.admin.archiveProduct(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ADMIN_PRODUCTS_KEY }),
  });
}
