import type { SellerProductCreate } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { SELLER_PRODUCTS_KEY } from './query-keys.ts';

export function useCreateSellerProduct() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SellerProductCreate) => client.seller.createProduct(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SELLER_PRODUCTS_KEY }),
  });
}
