import type { SecureCartClient } from '@securecart/client';
import type { ChangePasswordBody } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** Every other session is signed out; this one stays. */
export const changePassword = (client: SecureCartClient, body: ChangePasswordBody): Promise<void> =>
  client.account.changePassword(body);

export function useChangePassword() {
  const client = useApiClient();
  return useMutation({ mutationFn: (body: ChangePasswordBody) => changePassword(client, body) });
}
