import type { OrderStatus } from '@securecart/contract';

const LABELS: Record<OrderStatus, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  shipped: 'Shipped',
  completed: 'Delivered',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
};

export const orderStatusLabel = (status: OrderStatus) => LABELS[status];

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const tone = status === 'cancelled' || status.endsWith('refunded') ? 'badge--off' : 'badge--in';
  return <span className={`badge ${tone}`}>{orderStatusLabel(status)}</span>;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));
