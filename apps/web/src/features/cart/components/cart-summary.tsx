import type { Cart } from '@securecart/contract';
import { Link } from 'react-router';
import { formatMoney } from '../../catalog/utils/money.ts';
import { type CountryOption, EstimateForm } from './estimate-form.tsx';

interface CartSummaryProps {
  cart: Cart;
  countries: readonly CountryOption[];
  /** The next estimate is loading: the figures shown are the previous ones. */
  updating: boolean;
}

/** Every figure is the server's; the SPA never adds up money itself. */
export function CartSummary({ cart, countries, updating }: CartSummaryProps) {
  const money = (cents: number) => formatMoney(cents, cart.currency);
  const destination = countries.find((country) => country.code === cart.estimate.country)?.name;
  return (
    <section className="cart-summary" aria-labelledby="cart-summary-title" aria-busy={updating}>
      <h2 id="cart-summary-title" className="cart-summary__title">
        Order summary
      </h2>
      <dl className="cart-summary__figures">
        <div>
          <dt>Subtotal</dt>
          <dd>{money(cart.subtotalCents)}</dd>
        </div>
        <div>
          <dt>
            Estimated tax
            <span className="cart-summary__basis">
              {destination ? ` (${[cart.estimate.region, destination].filter(Boolean).join(', ')})` : ''}
            </span>
          </dt>
          <dd>{money(cart.taxCents)}</dd>
        </div>
        <div>
          <dt>Estimated shipping</dt>
          <dd>{cart.shippingCents === 0 && cart.subtotalCents > 0 ? 'Free' : money(cart.shippingCents)}</dd>
        </div>
        <div className="cart-summary__total">
          <dt>Total</dt>
          <dd>{money(cart.totalCents)}</dd>
        </div>
      </dl>
      {destination ? null : <p className="field-hint">Tax is shown once you choose where the order goes.</p>}
      <EstimateForm countries={countries} estimate={cart.estimate} />
      {cart.itemCount > 0 ? (
        <Link className="button cart-summary__checkout" to="/checkout">
          Check out
        </Link>
      ) : (
        <p className="cart-line__warning">Nothing in your cart can be bought right now.</p>
      )}
    </section>
  );
}
