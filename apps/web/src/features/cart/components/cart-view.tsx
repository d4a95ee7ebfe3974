import { type ReactNode, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { isStatus } from '../../../lib/form-errors.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useCart } from '../api/get-cart.ts';
import { cartEstimate } from '../cart-estimate.ts';
import { CartLineItem } from './cart-line-item.tsx';
import { CartSummary } from './cart-summary.tsx';
import type { CountryOption } from './estimate-form.tsx';
import '../cart.css';

/** The cart page's body: lines, totals and the way to checkout, or the empty state. */
export function CartView({ countries }: { countries: readonly CountryOption[] }) {
  const cart = useCart();
  const [notice, setNotice] = useState<string>();
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // The removed line took keyboard focus with it: focus lands on the message saying what happened.
  const onRemoved = (name: string) => {
    setNotice(`${name} was removed from your cart.`);
    noticeRef.current?.focus();
  };

  let body: ReactNode;
  if (cart.isError && isStatus(cart.error, 422)) {
    // The chosen destination is refused (not in the shop's tax table): the cart itself is fine.
    body = (
      <div className="state state--error" role="alert">
        <h2 className="state__title">Tax cannot be estimated for that destination</h2>
        <p>{problemMessage(cart.error)}</p>
        <button type="button" className="button" onClick={() => cartEstimate.set({})}>
          Estimate without a destination
        </button>
      </div>
    );
  } else if (cart.isError) {
    body = (
      <ErrorState title="Your cart could not be loaded" error={cart.error} onRetry={() => cart.refetch()} />
    );
  } else if (cart.isPending) {
    body = <LoadingState label="Loading your cart…" />;
  } else if (!cart.data || cart.data.items.length === 0) {
    body = (
      <div className="state state--empty">
        <h2 className="state__title">Your cart is empty</h2>
        <p>Find something you like in the catalog.</p>
        <Link className="button" to="/">
          Browse the catalog
        </Link>
      </div>
    );
  } else {
    const data = cart.data;
    body = (
      <div className="cart">
        <section className="cart__lines" aria-labelledby="cart-items-title">
          <h2 id="cart-items-title" className="visually-hidden">
            Items in your cart
          </h2>
          <ul className="cart__list">
            {data.items.map((line) => (
              <CartLineItem key={line.productId} line={line} currency={data.currency} onRemoved={onRemoved} />
            ))}
          </ul>
        </section>
        <CartSummary cart={data} countries={countries} updating={cart.isPlaceholderData} />
      </div>
    );
  }

  return (
    <>
      <p
        ref={noticeRef}
        className={notice ? 'notice notice--success' : undefined}
        role="status"
        tabIndex={-1}
      >
        {notice}
      </p>
      {body}
    </>
  );
}
