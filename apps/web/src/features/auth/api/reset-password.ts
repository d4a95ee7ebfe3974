import type { SecureCartClient } from '@securecart/client';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export interface ResetPasswordInput {
  token: string;
  newPassword: string;
}

export const resetPassword = (
  client: SecureCartClient,
  { token, newPassword }: ResetPasswordInput,
): Promise<void> => client.auth.resetPassword(token, newPassword);

export function useResetPassword() {
  const client = useApiClient();
  return useMutation({ mutationFn: (input: ResetPasswordInput) => resetPassword(client, input) });
}
