import type { SecureCartClient } from '@securecart/client';
import type { Page, Product } from '@securecart/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useAuth } from '../../auth/session/auth-context.ts';

/** The API's largest page: the wishlist page shows it whole. */
const WISHLIST_PAGE_SIZE = 100;

export const wishlistQueryKey = (userId: string) => ['wishlist', userId] as const;

export const listWishlist = (client: SecureCartClient, signal?: AbortSignal): Promise<Page<Product>> =>
  client.wishlist.list({ pageSize: WISHLIST_PAGE_SIZE }, signal);

export const listWishlistQueryOptions = (client: SecureCartClient, userId: string) =>
  queryOptions({
    queryKey: wishlistQueryKey(userId),
    queryFn: ({ signal }) => listWishlist(client, signal),
  });

/** Signed-in users only; a guest has no wishlist and nothing is asked. */
export function useWishlist() {
  const client = useApiClient();
  const userId = useAuth().user?.id ?? '';
  return useQuery({ ...listWishlistQueryOptions(client, userId), enabled: userId !== '' });
}
