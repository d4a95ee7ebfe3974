import type { AdminUser } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { ADMIN_USERS_KEY, userQueryKey } from './query-keys.ts';

export interface UserUpdate {
  role?: AdminUser['role'];
  locked?: boolean;
  /** The acting admin's own password; the API asks for it with a role change. */
  currentPassword?: string;
}

/** A role change or a lock; the answer is the saved user, and the lists are refetched. */
export function useUpdateUser(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserUpdate) => client.admin.updateUser(id, body),
    onSuccess: (user) => {
      queryClient.setQueryData(userQueryKey(user.id), user);
      return queryClient.invalidateQueries({ queryKey: [...ADMIN_USERS_KEY, 'list'] });
    },
  });
}
