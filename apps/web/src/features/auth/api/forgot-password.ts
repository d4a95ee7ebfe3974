import type { SecureCartClient } from '@securecart/client';
import type { Message } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const forgotPassword = (client: SecureCartClient, email: string): Promise<Message> =>
  client.auth.forgotPassword(email);

export function useForgotPassword() {
  const client = useApiClient();
  return useMutation({ mutationFn: (email: string) => forgotPassword(client, email) });
}
