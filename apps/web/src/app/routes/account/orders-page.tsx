import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { Pagination } from '../../../features/catalog/components/pagination.tsx';
import { formatMoney } from '../../../features/catalog/utils/money.ts';
import { ORDERS_PAGE_SIZE, useMyOrders } from '../../../features/orders/api/list-my-orders.ts';
import { formatDate, OrderStatusBadge } from '../../../features/orders/components/order-status.tsx';
import '../../../features/orders/orders.css';

const pageFrom = (value: string | null) => {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
};

export function OrdersPage() {
  const [params] = useSearchParams();
  const page = pageFrom(params.get('page'));
  const orders = useMyOrders(page);
  return (
    <>
      <PageTitle>Your orders</PageTitle>
      <h1>Your orders</h1>
      {orders.isPending ? (
        <LoadingState label="Loading your orders…" />
      ) : orders.isError ? (
        <ErrorState
          title="Your orders could not be loaded"
          error={orders.error}
          onRetry={() => orders.refetch()}
        />
      ) : orders.data.items.length === 0 ? (
        <p className="muted">
          You have not placed any orders yet. <Link to="/">Start shopping</Link>
        </p>
      ) : (
        <div className="stack">
          <ul className="order-list" aria-label="Orders">
            {orders.data.items.map((order) => (
              <li key={order.id} className="card order-list__item">
                <Link to={`/account/orders/${order.id}`}>Order {order.number}</Link>
                <span>
                  <time dateTime={order.createdAt}>{formatDate(order.createdAt)}</time>
                </span>
                <OrderStatusBadge status={order.status} />
                <strong>{formatMoney(order.totalCents, order.currency)}</strong>
              </li>
            ))}
          </ul>
          <Pagination
            page={orders.data.page}
            totalPages={Math.ceil(orders.data.total / ORDERS_PAGE_SIZE)}
            linkTo={(target) => `/account/orders?page=${target}`}
          />
        </div>
      )}
    </>
  );
}
