import type { SecureCartClient } from '@securecart/client';
import type { LoginBody, LoginResult } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** Tokens (the refresh token stays in the httpOnly cookie) or an MFA challenge. */
export const login = (client: SecureCartClient, body: LoginBody): Promise<LoginResult> =>
  client.auth.login(body);

export function useLogin() {
  const client = useApiClient();
  return useMutation({ mutationFn: (body: LoginBody) => login(client, body) });
}
