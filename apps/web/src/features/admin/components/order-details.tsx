import type { AdminOrder } from '@securecart/contract';
import { OrderStatusBadge } from '../../backoffice/components/order-status-badge.tsx';
import { formatMoney } from '../../backoffice/utils/money.ts';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB') : '—');

/** What an admin reads before acting on an order: lines, money, customer, address, payment, history. */
export function OrderDetails({ order }: { order: AdminOrder }) {
  const money = (cents: number) => formatMoney(cents, order.currency);
  const address = order.shippingAddress;
  return (
    <>
      <section className="card" aria-labelledby="order-lines">
        <h2 id="order-lines">Items</h2>
        <div className="bo-table bo-table__scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="is-numeric">
                  Unit price
                </th>
                <th scope="col" className="is-numeric">
                  Quantity
                </th>
                <th scope="col" className="is-numeric">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {order.items.map((item) => (
                <tr key={item.productId}>
                  <th scope="row">{item.name}</th>
                  <td className="is-numeric">{money(item.unitPriceCents)}</td>
                  <td className="is-numeric">{item.quantity}</td>
                  <td className="is-numeric">{money(item.lineTotalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="bo-facts">
          <dt>Subtotal</dt>
          <dd>{money(order.subtotalCents)}</dd>
          <dt>Shipping ({order.shippingMethodName})</dt>
          <dd>{money(order.shippingCents)}</dd>
          <dt>Tax</dt>
          <dd>{money(order.taxCents)}</dd>
          <dt>Total</dt>
          <dd>{money(order.totalCents)}</dd>
          <dt>Refunded</dt>
          <dd>{money(order.refundedCents)}</dd>
        </dl>
      </section>
      <div className="bo-grid">
        <section className="card" aria-labelledby="order-customer">
          <h2 id="order-customer">Customer and delivery</h2>
          <dl className="bo-facts">
            <dt>Email</dt>
            <dd>{order.customerEmail}</dd>
            <dt>Account</dt>
            <dd>{order.userId ? 'Registered customer' : 'Guest checkout'}</dd>
            <dt>Ship to</dt>
            <dd>
              <address>
                {[
                  address.name,
                  address.line1,
                  address.line2,
                  `${address.postalCode} ${address.city}`,
                  address.region,
                  address.country,
                ]
                  .filter(Boolean)
                  .map((line) => (
                    <span key={line} className="bo-address__line">
                      {line}
                    </span>
                  ))}
              </address>
            </dd>
            <dt>Carrier</dt>
            <dd>{order.carrier ?? '—'}</dd>
            <dt>Tracking number</dt>
            <dd>{order.trackingNumber ?? '—'}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="order-payment">
          <h2 id="order-payment">Payment</h2>
          <dl className="bo-facts">
            <dt>Provider</dt>
            <dd>{order.paymentProvider}</dd>
            <dt>Paid</dt>
            <dd>{when(order.paidAt)}</dd>
          </dl>
          {order.refunds.length > 0 && (
            <>
              <h3>Refunds</h3>
              <ul className="bo-list">
                {order.refunds.map((refund) => (
                  <li key={refund.id}>
                    {money(refund.amountCents)} · {refund.status} · {when(refund.createdAt)} — {refund.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="order-timeline">
        <h2 id="order-timeline">Timeline</h2>
        <ol className="bo-timeline">
          {order.timeline.map((event) => (
            <li key={`${event.status}-${event.at}`}>
              <OrderStatusBadge status={event.status} /> <time dateTime={event.at}>{when(event.at)}</time>
              {event.note && <span className="muted"> — {event.note}</span>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
