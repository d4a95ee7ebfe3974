import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { useAddCartItem } from '../api/add-cart-item.ts';
import { cartErrorMessage, MAX_LINE_QUANTITY, parseQuantity, QUANTITY_HINT } from '../utils/quantity.ts';
import '../cart.css';

/** The product page's quantity and Add to cart; the outcome is announced politely. */
export function ProductBuyForm({ productId }: { productId: string }) {
  const id = useId();
  const add = useAddCartItem();
  const [quantity, setQuantity] = useState('1');
  const [invalid, setInvalid] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    const parsed = parseQuantity(quantity);
    setInvalid(parsed === undefined);
    if (parsed === undefined) {
      add.reset();
      return;
    }
    add.mutate({ productId, quantity: parsed });
  };

  const errorId = `${id}-error`;
  return (
    <form className="buy-form" onSubmit={onSubmit} noValidate>
      <div className="buy-form__row">
        <div className="field buy-form__quantity">
          <label htmlFor={`${id}-quantity`}>Quantity</label>
          <input
            id={`${id}-quantity`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_LINE_QUANTITY}
            step={1}
            value={quantity}
            onChange={(event) => setQuantity(event.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid || add.isError ? errorId : undefined}
          />
        </div>
        <button type="submit" className="button buy-form__submit" aria-disabled={add.isPending || undefined}>
          {add.isPending ? <span className="spinner spinner--small" aria-hidden="true" /> : null}
          Add to cart
        </button>
      </div>
      {invalid || add.isError ? (
        <p id={errorId} className="field-error" role="alert">
          {invalid ? QUANTITY_HINT : cartErrorMessage(add.error)}
        </p>
      ) : null}
      <p className="buy-form__status" role="status">
        {add.isSuccess ? (
          <>
            Added to your cart <Link to="/cart">View cart</Link>
          </>
        ) : null}
      </p>
    </form>
  );
}
