import type { SecureCartClient } from '@securecart/client';
import type { Message, RegisterBody } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const register = (client: SecureCartClient, body: RegisterBody): Promise<Message> =>
  client.auth.register(body);

export function useRegister() {
  const client = useApiClient();
  return useMutation({ mutationFn: (body: RegisterBody) => register(client, body) });
}
