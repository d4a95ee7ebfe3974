import type { SecureCartClient } from '@securecart/client';
import type { AcceptedMessage, ChangeEmailBody } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** Takes effect when the link sent to the new address is opened. */
export const changeEmail = (client: SecureCartClient, body: ChangeEmailBody): Promise<AcceptedMessage> =>
  client.account.changeEmail(body);

export function useChangeEmail() {
  const client = useApiClient();
  return useMutation({ mutationFn: (body: ChangeEmailBody) => changeEmail(client, body) });
}
