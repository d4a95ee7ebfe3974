import type { SecureCartClient } from '@securecart/client';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** Confirms a sign-up or a new address after an email change, with the emailed token. */
export const verifyEmail = (client: SecureCartClient, token: string): Promise<void> =>
  client.auth.verifyEmail(token);

export function useVerifyEmail() {
  const client = useApiClient();
  return useMutation({ mutationFn: (token: string) => verifyEmail(client, token) });
}
