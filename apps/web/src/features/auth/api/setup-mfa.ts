import type { SecureCartClient } from '@securecart/client';
import type { MfaSetup } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** A new TOTP secret and its QR code; nothing changes until a code confirms it. */
export const setupMfa = (client: SecureCartClient, password: string): Promise<MfaSetup> =>
  client.mfa.setupMfa(password);

export function useSetupMfa() {
  const client = useApiClient();
  return useMutation({ mutationFn: (password: string) => setupMfa(client, password) });
}
