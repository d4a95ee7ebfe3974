import type { ShipOrder } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useOrderChanged } from './get-order.ts';

export function useShipOrder(id: string) {
  const client = useApiClient();
  const changed = useOrderChanged();
  return useMutation({
    mutationFn: (body: ShipOrder) => client.admin.shipOrder(id, body),
    onSuccess: changed,
  });
}
