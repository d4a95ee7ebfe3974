import { Link } from 'react-router';
import { useCart } from '../api/get-cart.ts';
import '../cart.css';

const itemsLabel = (count: number) => (count === 1 ? '1 item' : `${count} items`);

/** The header's mini-cart: a link to /cart whose name says how many items are in it. */
export function CartLink() {
  const cart = useCart();
  const count = cart.data?.itemCount ?? 0;
  return (
    <Link to="/cart" className="cart-link" aria-label={`Cart, ${itemsLabel(count)}`}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          d="M3 4h2l2.2 10.4a1.5 1.5 0 0 0 1.5 1.2h8.1a1.5 1.5 0 0 0 1.4-1.1L20 8H7"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="9.5" cy="19.5" r="1.5" fill="currentColor" />
        <circle cx="16.5" cy="19.5" r="1.5" fill="currentColor" />
      </svg>
      <span className="cart-link__label" aria-hidden="true">
        Cart
      </span>
      <span className="cart-link__count" aria-hidden="true">
        {count}
      </span>
    </Link>
  );
}
