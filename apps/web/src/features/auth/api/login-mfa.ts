import type { SecureCartClient } from '@securecart/client';
import type { LoginMfaBody, SessionTokens } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const loginMfa = (client: SecureCartClient, body: LoginMfaBody): Promise<SessionTokens> =>
  client.auth.loginMfa(body);

export function useLoginMfa() {
  const client = useApiClient();
  return useMutation({ mutationFn: (body: LoginMfaBody) => loginMfa(client, body) });
}
