import type { SecureCartClient } from '@securecart/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { SESSIONS_QUERY_KEY } from './list-sessions.ts';

export const revokeSession = (client: SecureCartClient, id: string): Promise<void> =>
  client.auth.revokeSession(id);

export function useRevokeSession() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeSession(client, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
  });
}
