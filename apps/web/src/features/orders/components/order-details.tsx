import type { Order } from '@securecart/contract';
import { OrderLines } from '../../../components/order-lines.tsx';
import { AddressLines } from '../../account/components/address-book.tsx';
import { formatMoney } from '../../catalog/utils/money.ts';
import '../orders.css';
import { formatDate, formatDateTime, OrderStatusBadge, orderStatusLabel } from './order-status.tsx';

/** One order as its buyer sees it, signed in or from the guest link: the same component for both. */
export function OrderDetails({ order }: { order: Order }) {
  const money = (cents: number) => formatMoney(cents, order.currency);
  return (
    <div className="stack stack--sections order-details">
      <p>
        Order number <strong data-testid="order-number">{order.number}</strong>, placed{' '}
        {formatDate(order.createdAt)}. Status: <OrderStatusBadge status={order.status} />
      </p>
      {order.trackingNumber && (
        <section className="card" aria-labelledby="order-tracking">
          <h2 id="order-tracking" className="card__title">
            Tracking
          </h2>
          <p>
            Shipped with {order.carrier ?? 'the carrier'}, tracking number{' '}
            <strong>{order.trackingNumber}</strong>
          </p>
        </section>
      )}
      <section className="card" aria-labelledby="order-items">
        <h2 id="order-items" className="card__title">
          Items
        </h2>
        <OrderLines
          lines={order.items}
          money={money}
          totals={[
            ['Subtotal', order.subtotalCents],
            [`Shipping (${order.shippingMethodName})`, order.shippingCents],
            ['Tax', order.taxCents],
            ...(order.refundedCents > 0 ? [['Refunded', -order.refundedCents] as const] : []),
          ]}
          total={order.totalCents}
        />
      </section>
      <section className="card" aria-labelledby="order-address">
        <h2 id="order-address" className="card__title">
          Shipping address
        </h2>
        <AddressLines address={order.shippingAddress} />
      </section>
      <section className="card" aria-labelledby="order-timeline">
        <h2 id="order-timeline" className="card__title">
          Status history
        </h2>
        <ol className="order-timeline" aria-labelledby="order-timeline">
          {order.timeline.map((event) => (
            <li key={`${event.status}-${event.at}`}>
              <strong>{orderStatusLabel(event.status)}</strong>{' '}
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              {event.note && <p className="muted">{event.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
