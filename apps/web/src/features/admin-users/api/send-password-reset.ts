import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** The user gets the forgot-password email; nothing cached changes. */
export function useSendPasswordReset(id: string) {
  const client = useApiClient();
  return useMutation({ mutationFn: () => client.admin.sendPasswordReset(id) });
}
