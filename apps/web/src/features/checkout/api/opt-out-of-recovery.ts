import type { SecureCartClient } from '@securecart/client';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const optOutOfRecovery = (client: SecureCartClient, token: string): Promise<void> =>
  client.checkout.optOutOfRecovery(token);

export function useOptOutOfRecovery() {
  const client = useApiClient();
  return useMutation({ mutationFn: (token: string) => optOutOfRecovery(client, token) });
}
