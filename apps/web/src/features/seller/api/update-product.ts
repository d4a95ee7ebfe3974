import type { AdminProduct, SellerProductUpdate } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { sellerProductQueryKey } from './get-product.ts';
import { SELLER_PRODUCTS_KEY } from './query-keys.ts';

/** The answer is the saved product: it replaces the cached one, and the lists are refetched. */
export function useSellerProductSaved() {
  const queryClient = useQueryClient();
  return (product: AdminProduct) => {
    queryClient.setQueryData(sellerProductQueryKey(product.id), product);
    return queryClient.invalidateQueries({ queryKey: [...SELLER_PRODUCTS_KEY, 'list'] });
  };
}

export function useUpdateSellerProduct(id: string) {
  const client = useApiClient();
  const saved = useSellerProductSaved();
  return useMutation({
    mutationFn: (body: SellerProductUpdate) => client.seller.updateProduct(id, body),
    onSuccess: saved,
  });
}
