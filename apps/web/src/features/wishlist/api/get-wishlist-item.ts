import type { SecureCartClient } from '@securecart/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useAuth } from '../../auth/session/auth-context.ts';
import { wishlistQueryKey } from './list-wishlist.ts';

/** Under the list's key, so adding or removing (which invalidate the list) refreshes it too. */
export const wishlistItemQueryKey = (userId: string, productId: string) =>
  [...wishlistQueryKey(userId), productId] as const;

export const wishlistItemQueryOptions = (client: SecureCartClient, userId: string, productId: string) =>
  queryOptions({
    queryKey: wishlistItemQueryKey(userId, productId),
    queryFn: async ({ signal }) => (await client.wishlist.status(productId, signal)).saved,
  });

/** Whether the product is on the user's wishlist; a guest has no wishlist and nothing is asked. */
export function useIsOnWishlist(productId: string) {
  const client = useApiClient();
  const userId = useAuth().user?.id ?? '';
  return useQuery({ ...wishlistItemQueryOptions(client, userId, productId), enabled: userId !== '' });
}
