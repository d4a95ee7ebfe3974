import type { RefundOrder } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useOrderChanged } from './get-order.ts';

export interface RefundInput {
  body: RefundOrder;
  /** One key per refund the admin confirmed, so a retried request never refunds twice. */
  idempotencyKey: string;
}

export function useRefundOrder(id: string) {
  const client = useApiClient();
  const changed = useOrderChanged();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: RefundInput) => client.admin.refundOrder(id, body, idempotencyKey),
    onSuccess: changed,
  });
}
