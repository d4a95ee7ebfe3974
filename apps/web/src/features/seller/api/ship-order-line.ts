import type { ShipOrder } from '@securecart/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { SELLER_ORDERS_KEY } from './query-keys.ts';

export interface ShipLineInput {
  orderId: string;
  productId: string;
  body: ShipOrder;
}

/** Shipping the last line moves the whole order to `shipped`, so every list of lines is refetched. */
export function useShipOrderLine() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, productId, body }: ShipLineInput) =>
      client.seller.shipOrderLine(orderId, productId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SELLER_ORDERS_KEY }),
  });
}
