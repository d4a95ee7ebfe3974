import type { OrderStatus } from '@securecart/contract';

type Fulfilment = { status: OrderStatus; shippedAt: Date | null; completedAt: Date | null };

/*
 * A partial refund says nothing about the parcel, so `partially_refunded` does not end fulfilment:
 * where such an order stands is read from its timestamps (ADR 011). Shipping or completing moves the
 * status on; the refunded money stays in `refundedCents` and the timeline.
 */
export const canShip = (order: Fulfilment) =>
  order.status === 'paid' || (order.status === 'partially_refunded' && !order.shippedAt);

export const canComplete = (order: Fulfilment) =>
  order.status === 'shipped' ||
  (order.status === 'partially_refunded' && order.shippedAt !== null && !order.completedAt);
