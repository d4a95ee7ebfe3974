import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { SELLER_PRODUCTS_KEY } from './query-keys.ts';

/** DELETE archives (the product stays for order history); its detail and the lists are refetched. */
export function useArchiveSellerProduct(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.seller.archiveProduct(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SELLER_PRODUCTS_KEY }),
  });
}
