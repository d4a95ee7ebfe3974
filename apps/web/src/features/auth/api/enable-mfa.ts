import type { SecureCartClient } from '@securecart/client';
import type { MfaRecoveryCodes } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** The recovery codes come back this once; they are never cached. */
export const enableMfa = (client: SecureCartClient, code: string): Promise<MfaRecoveryCodes> =>
  client.mfa.enableMfa(code);

export function useEnableMfa() {
  const client = useApiClient();
  return useMutation({ mutationFn: (code: string) => enableMfa(client, code), gcTime: 0 });
}
