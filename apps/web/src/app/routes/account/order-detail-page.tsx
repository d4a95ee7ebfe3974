import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useMyOrder } from '../../../features/orders/api/get-my-order.ts';
import { OrderDetails } from '../../../features/orders/components/order-details.tsx';
import { isNotFound } from '../../../lib/is-not-found.ts';

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const order = useMyOrder(id);
  const title = order.data ? `Order ${order.data.number}` : 'Order';
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <h1>{title}</h1>
      {order.isPending ? (
        <LoadingState label="Loading your order…" />
      ) : order.isError ? (
        isNotFound(order.error) ? (
          <p>
            We could not find that order. <Link to="/account/orders">See all your orders</Link>
          </p>
        ) : (
          <ErrorState
            title="The order could not be loaded"
            error={order.error}
            onRetry={() => order.refetch()}
          />
        )
      ) : (
        <OrderDetails order={order.data} />
      )}
      <p>
        <Link to="/account/orders">Back to your orders</Link>
      </p>
    </>
  );
}
