import type { OrderStatus } from '@securecart/contract';
import { ORDER_STATUS_LABELS } from '../utils/order-status.ts';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`bo-status bo-status--${status}`}>{ORDER_STATUS_LABELS[status]}</span>;
}
