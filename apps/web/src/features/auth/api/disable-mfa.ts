import type { SecureCartClient } from '@securecart/client';
import type { MfaDisableBody } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

export const disableMfa = (client: SecureCartClient, body: MfaDisableBody): Promise<void> =>
  client.mfa.disableMfa(body);

export function useDisableMfa() {
  const client = useApiClient();
  return useMutation({ mutationFn: (body: MfaDisableBody) => disableMfa(client, body) });
}
