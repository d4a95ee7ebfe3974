import type { AdminOrder, OrderStatus } from '@securecart/contract';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useCompleteOrder } from '../../../features/admin/api/complete-order.ts';
import { useAdminOrder } from '../../../features/admin/api/get-order.ts';
import { useRefundOrder } from '../../../features/admin/api/refund-order.ts';
import { useShipOrder } from '../../../features/admin/api/ship-order.ts';
import { OrderDetails } from '../../../features/admin/components/order-details.tsx';
import { RefundOrderForm } from '../../../features/admin/components/refund-order-form.tsx';
import { ShipOrderForm } from '../../../features/admin/components/ship-order-form.tsx';
import { BackofficePage } from '../../../features/backoffice/components/backoffice-page.tsx';
import { OrderStatusBadge } from '../../../features/backoffice/components/order-status-badge.tsx';
import { useToast } from '../../../features/backoffice/components/toasts.tsx';
import { formatMoney } from '../../../features/backoffice/utils/money.ts';
import { isNotFound } from '../../../lib/is-not-found.ts';
import { problemMessage } from '../../../lib/problem-message.ts';

/** The statuses the API refunds from (see its refund rule); the rest show no refund form. */
const REFUNDABLE: readonly OrderStatus[] = ['paid', 'shipped', 'completed', 'partially_refunded'];

// The API's fulfilment rule: a partial refund does not stop shipping or completing the order.
const canShip = (order: AdminOrder) =>
  order.status === 'paid' || (order.status === 'partially_refunded' && !order.shippedAt);
const canComplete = (order: AdminOrder) =>
  order.status === 'shipped' ||
  (order.status === 'partially_refunded' && order.shippedAt !== null && !order.completedAt);

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const order = useAdminOrder(id);
  if (order.isPending) return <LoadingState label="Loading the order…" />;
  if (order.error) {
    if (isNotFound(order.error)) {
      return (
        <BackofficePage title="Order not found">
          <p>
            There is no order with this address. <Link to="/admin/orders">Back to the orders</Link>
          </p>
        </BackofficePage>
      );
    }
    return (
      <ErrorState title="The order could not be loaded" error={order.error} onRetry={() => order.refetch()} />
    );
  }
  return <OrderView order={order.data} />;
}

function OrderView({ order }: { order: AdminOrder }) {
  const ship = useShipOrder(order.id);
  const complete = useCompleteOrder(order.id);
  const refund = useRefundOrder(order.id);
  const toast = useToast();
  const canRefund = REFUNDABLE.includes(order.status) && order.refundedCents < order.totalCents;

  return (
    <BackofficePage title={`Order ${order.number}`}>
      <p>
        Status: <OrderStatusBadge status={order.status} /> · placed{' '}
        {new Date(order.createdAt).toLocaleString('en-GB')} ·{' '}
        <Link to="/admin/orders">Back to the orders</Link>
      </p>
      {canShip(order) && (
        <section className="card">
          <ShipOrderForm
            pending={ship.isPending}
            error={ship.error}
            onShip={(body) =>
              ship.mutate(body, {
                onSuccess: (saved) => toast.show(`Order ${saved.number} is marked as shipped.`),
              })
            }
          />
        </section>
      )}
      {canComplete(order) && (
        <section className="card" aria-labelledby="order-complete">
          <h2 id="order-complete">Complete the order</h2>
          <p className="muted">When the parcel has arrived and nothing is left to do.</p>
          {complete.error ? <FormNotice tone="error">{problemMessage(complete.error)}</FormNotice> : null}
          <button
            type="button"
            className="button"
            disabled={complete.isPending}
            onClick={() =>
              complete.mutate(undefined, {
                onSuccess: (saved) => toast.show(`Order ${saved.number} is marked as completed.`),
              })
            }
          >
            {complete.isPending ? 'Saving…' : 'Mark as completed'}
          </button>
        </section>
      )}
      {canRefund && (
        <section className="card">
          <RefundOrderForm
            // A refund changes what remains: the form and its confirmation start afresh.
            key={order.refundedCents}
            order={order}
            pending={refund.isPending}
            error={refund.error}
            onCancel={refund.reset}
            onRefund={(body, idempotencyKey) =>
              refund.mutate(
                { body, idempotencyKey },
                {
                  onSuccess: (saved) =>
                    toast.show(
                      `Refunded ${formatMoney(saved.refundedCents - order.refundedCents, saved.currency)} on order ${saved.number}.`,
                    ),
                },
              )
            }
          />
        </section>
      )}
      <OrderDetails order={order} />
    </BackofficePage>
  );
}
