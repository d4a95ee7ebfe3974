import type { SecureCartClient } from '@securecart/client';
import type { Message } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const resendVerification = (client: SecureCartClient, email: string): Promise<Message> =>
  client.auth.resendVerification(email);

export function useResendVerification() {
  const client = useApiClient();
  return useMutation({ mutationFn: (email: string) => resendVerification(client, email) });
}
