import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useOrderChanged } from './get-order.ts';

export function useCompleteOrder(id: string) {
  const client = useApiClient();
  const changed = useOrderChanged();
  return useMutation({ mutationFn: () => client.admin.completeOrder(id), onSuccess: changed });
}
