import type { SecureCartClient } from '@securecart/client';
import type { Product } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useAuth } from '../../auth/session/auth-context.ts';
import { wishlistQueryKey } from './list-wishlist.ts';

export const addToWishlist = (client: SecureCartClient, productId: string): Promise<Product> =>
  client.wishlist.add(productId);

export function useAddToWishlist() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const userId = useAuth().user?.id ?? '';
  return useMutation({
    mutationFn: (productId: string) => addToWishlist(client, productId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wishlistQueryKey(userId) }),
  });
}
