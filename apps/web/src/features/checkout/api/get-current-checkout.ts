import type { SecureCartClient } from '@securecart/client';
import type { CurrentCheckout } from '@securecart/contract';
import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** The shopper's open draft, or `{ checkout: null }`: finding it starts nothing (unlike `startCheckout`). */
export const getCurrentCheckout = (
  client: SecureCartClient,
  signal?: AbortSignal,
): Promise<CurrentCheckout> => client.checkout.current(signal);

export function useCurrentCheckout() {
  const client = useApiClient();
  return useQuery({
    queryKey: ['checkout', 'current'],
    queryFn: ({ signal }) => getCurrentCheckout(client, signal),
    // Read once per visit: a draft may have been started since the last one (here or on another
    // device), and one appearing mid-visit must not swap the steps under the shopper.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}
