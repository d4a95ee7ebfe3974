import { useAddCartItem } from '../api/add-cart-item.ts';
import { cartErrorMessage } from '../utils/quantity.ts';
import '../cart.css';

interface AddToCartButtonProps {
  productId: string;
  name: string;
}

/** One unit, from a product card. The name is in the button's accessible name, not on screen. */
export function AddToCartButton({ productId, name }: AddToCartButtonProps) {
  const add = useAddCartItem();
  return (
    <div className="add-to-cart">
      <button
        type="button"
        className="button button--secondary add-to-cart__button"
        // aria-disabled, not disabled: a disabled button drops keyboard focus while the request runs.
        aria-disabled={add.isPending || undefined}
        onClick={() => {
          if (!add.isPending) add.mutate({ productId, quantity: 1 });
        }}
      >
        {/* One flex item, so the button's gap does not split the words around the hidden name. */}
        <span>
          Add<span className="visually-hidden"> {name}</span> to cart
        </span>
      </button>
      {/* aria-live rather than role="status": a grid of cards must not add a status per card. */}
      <p className="add-to-cart__status" aria-live="polite">
        {add.isSuccess ? 'Added to your cart' : null}
      </p>
      {add.isError ? (
        <p className="add-to-cart__error" role="alert">
          {cartErrorMessage(add.error)}
        </p>
      ) : null}
    </div>
  );
}
