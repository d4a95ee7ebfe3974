import type { AdminProduct, AdminProductUpdate } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { productQueryKey } from './get-product.ts';
import { ADMIN_PRODUCTS_KEY } from './query-keys.ts';

/** The answer is the saved product: it replaces the cached one, and the lists are refetched. */
export function useProductSaved() {
  const queryClient = useQueryClient();
  return (product: AdminProduct) => {
    queryClient.setQueryData(productQueryKey(product.id), product);
    return queryClient.invalidateQueries({ queryKey: [...ADMIN_PRODUCTS_KEY, 'list'] });
  };
}

export function useUpdateProduct(id: string) {
  const client = useApiClient();
  const saved = useProductSaved();
  return useMutation({
    mutationFn: (body: AdminProductUpdate) => client.admin.updateProduct(id, body),
    onSuccess: saved,
  });
}
