import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { FormNotice } from '../../components/form/form-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useAuth } from '../../features/auth/session/auth-context.ts';
import { useClaimOrder } from '../../features/orders/api/claim-order.ts';
import { useGuestOrder } from '../../features/orders/api/get-guest-order.ts';
import { OrderDetails } from '../../features/orders/components/order-details.tsx';
import { formErrorMessage, isStatus } from '../../lib/form-errors.ts';
import { isNotFound } from '../../lib/is-not-found.ts';

/** A guest's order from the confirmation email's link: /orders/:number?email=…&token=… */
export function OrderLookupPage() {
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const link = { number, email: params.get('email') ?? '', token: params.get('token') ?? '' };
  const complete = Boolean(link.email && link.token);
  // The session check at start-up drops every non-catalog query it finds, in-flight ones included.
  const { status } = useAuth();
  const order = useGuestOrder(link, complete && status !== 'loading');
  // A malformed link gets the same answer as a wrong one: the page never confirms an order exists.
  const notFound = !complete || (order.isError && (isNotFound(order.error) || isStatus(order.error, 400)));

  return (
    <>
      <PageTitle>{order.data ? `Order ${order.data.number}` : 'Your order'}</PageTitle>
      <h1>{order.data ? `Order ${order.data.number}` : 'Your order'}</h1>
      {notFound ? (
        <div className="state">
          <h2 className="state__title">We could not find that order</h2>
          <p>
            Check that you opened the whole link from your order email. Signed-in customers find their orders
            under <Link to="/account/orders">Your orders</Link>.
          </p>
        </div>
      ) : order.isPending ? (
        <LoadingState label="Loading your order…" />
      ) : order.isError ? (
        <ErrorState
          title="The order could not be loaded"
          error={order.error}
          onRetry={() => order.refetch()}
        />
      ) : (
        <div className="stack stack--sections">
          <OrderDetails order={order.data} />
          <ClaimOrder number={order.data.number} />
        </div>
      )}
    </>
  );
}

/** A signed-in shopper whose verified email placed this order may keep it in their account. */
function ClaimOrder({ number }: { number: string }) {
  const { status } = useAuth();
  const claim = useClaimOrder();
  if (status !== 'signed-in') return null;
  if (claim.isSuccess) {
    return (
      <FormNotice tone="success">
        The order is now in <Link to={`/account/orders/${claim.data.id}`}>your account</Link>.
      </FormNotice>
    );
  }
  return (
    <div className="stack">
      {claim.isError && <FormNotice tone="error">{formErrorMessage(claim.error)}</FormNotice>}
      <div>
        <button
          type="button"
          className="button"
          disabled={claim.isPending}
          onClick={() => claim.mutate(number)}
        >
          Add this order to my account
        </button>
      </div>
    </div>
  );
}
