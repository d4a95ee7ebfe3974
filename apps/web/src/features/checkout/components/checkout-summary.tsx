import type { CheckoutSummary as Summary } from '@securecart/contract';
import { OrderLines } from '../../../components/order-lines.tsx';
import { formatMoney } from '../../catalog/utils/money.ts';

/** The draft's live figures (always the server's): tax once there is an address, shipping once chosen. */
export function CheckoutSummary({ summary }: { summary: Summary }) {
  return (
    <section className="card checkout-summary" aria-labelledby="checkout-summary-title">
      <h2 id="checkout-summary-title" className="card__title">
        Order summary
      </h2>
      <OrderLines
        lines={summary.lines}
        money={(cents) => formatMoney(cents, summary.currency)}
        totals={[
          ['Subtotal', summary.subtotalCents],
          ['Shipping', summary.shippingCents],
          ['Tax', summary.taxCents],
        ]}
        total={summary.totalCents}
      />
    </section>
  );
}
