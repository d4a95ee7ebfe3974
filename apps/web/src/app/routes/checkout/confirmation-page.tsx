import type { Order } from '@securecart/contract';
import { Link, useLocation, useParams } from 'react-router';
import { OrderLines } from '../../../components/order-lines.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatMoney } from '../../../features/catalog/utils/money.ts';

/** What the checkout hands over when it navigates here (gone after a reload; the number stays). */
export interface ConfirmationState {
  order: Order;
  email: string | null;
  guest: boolean;
}

export function ConfirmationPage() {
  const { number = '' } = useParams();
  const state = useLocation().state as ConfirmationState | null;
  const order = state?.order;
  return (
    <>
      <PageTitle>Thank you for your order</PageTitle>
      <h1>Thank you for your order</h1>
      <div className="stack stack--sections">
        <p className="confirmation__number">
          Order number <strong data-testid="order-number">{number}</strong>
        </p>
        <p>
          {state?.email
            ? `We sent a confirmation with a link to follow your order to ${state.email}.`
            : 'We sent you a confirmation email with a link to follow your order.'}
        </p>
        {order && (
          <section className="card" aria-labelledby="confirmation-items">
            <h2 id="confirmation-items" className="card__title">
              Your order
            </h2>
            <OrderLines
              lines={order.items}
              money={(cents) => formatMoney(cents, order.currency)}
              totals={[
                ['Subtotal', order.subtotalCents],
                ['Shipping', order.shippingCents],
                ['Tax', order.taxCents],
              ]}
              total={order.totalCents}
            />
          </section>
        )}
        {order && !state?.guest && (
          <p>
            <Link to={`/account/orders/${order.id}`}>View your order</Link>
          </p>
        )}
        {state?.guest && (
          <section className="card" aria-labelledby="confirmation-account">
            <h2 id="confirmation-account" className="card__title">
              Save your details for next time
            </h2>
            <p>
              Create an account with {state.email ?? 'the same email'} to see all your orders in one place.
              Once you have confirmed your email address, open the link in your order email and add this order
              to your account.
            </p>
            <Link to="/register" className="button">
              Create an account
            </Link>
          </section>
        )}
        <p>
          <Link to="/">Continue shopping</Link>
        </p>
      </div>
    </>
  );
}
