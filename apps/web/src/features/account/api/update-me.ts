import type { SecureCartClient } from '@securecart/client';
import type { Profile, UpdateProfileBody } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ME_QUERY_KEY } from './get-me.ts';

export const updateMe = (client: SecureCartClient, body: UpdateProfileBody): Promise<Profile> =>
  client.account.updateMe(body);

export function useUpdateMe() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => updateMe(client, body),
    onSuccess: (profile) => queryClient.setQueryData(ME_QUERY_KEY, profile),
  });
}
