import type { SecureCartClient } from '@securecart/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useAuth } from '../../auth/session/auth-context.ts';
import { wishlistQueryKey } from './list-wishlist.ts';

export const removeFromWishlist = (client: SecureCartClient, productId: string): Promise<void> =>
  client.wishlist.remove(productId);

export function useRemoveFromWishlist() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const userId = useAuth().user?.id ?? '';
  return useMutation({
    mutationFn: (productId: string) => removeFromWishlist(client, productId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wishlistQueryKey(userId) }),
  });
}
