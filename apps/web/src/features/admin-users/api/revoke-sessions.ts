import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** Ends every session of the user: they must sign in again everywhere. */
export function useRevokeUserSessions(id: string) {
  const client = useApiClient();
  return useMutation({ mutationFn: () => client.admin.revokeSessions(id) });
}
