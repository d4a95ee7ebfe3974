import type { SecureCartClient } from '@securecart/client';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** Irreversible: personal data erased, orders kept anonymised, every session ended. */
export const deleteAccount = (client: SecureCartClient, password: string): Promise<void> =>
  client.account.deleteAccount(password);

export function useDeleteAccount() {
  const client = useApiClient();
  return useMutation({ mutationFn: (password: string) => deleteAccount(client, password) });
}
