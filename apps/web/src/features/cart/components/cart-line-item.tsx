import type { CartLine } from '@securecart/contract';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../catalog/utils/money.ts';
import { useUpdateCartItem } from '../api/update-cart-item.ts';
import { cartErrorMessage, MAX_LINE_QUANTITY, parseQuantity, QUANTITY_HINT } from '../utils/quantity.ts';

interface CartLineItemProps {
  line: CartLine;
  currency: string;
  onRemoved: (name: string) => void;
}

function availabilityWarning(line: CartLine): string | undefined {
  if (line.available) return undefined;
  if (line.stock <= 0) return 'Out of stock: remove it to check out the rest.';
  if (line.stock < line.quantity) return `Only ${line.stock} left: lower the quantity to buy it.`;
  return 'No longer sold: remove it to check out the rest.';
}

/**
 * One line: the stepper and the box set the quantity on the server, one request at a time (the
 * controls are aria-disabled, not disabled, while one runs, so keyboard focus stays put).
 */
export function CartLineItem({ line, currency, onRemoved }: CartLineItemProps) {
  const id = useId();
  const update = useUpdateCartItem();
  const [draft, setDraft] = useState(String(line.quantity));
  const [invalid, setInvalid] = useState(false);
  // When the server's quantity changes (a step, another tab), the box follows it.
  const [shown, setShown] = useState(line.quantity);
  if (shown !== line.quantity) {
    setShown(line.quantity);
    setDraft(String(line.quantity));
  }

  const pending = update.isPending;
  const send = (quantity: number) => {
    setInvalid(false);
    if (pending || quantity === line.quantity) return;
    update.mutate(
      { productId: line.productId, quantity },
      // A refused quantity goes back to what the cart really holds; the message says why.
      { onError: () => setDraft(String(line.quantity)) },
    );
  };

  const commit = () => {
    const quantity = parseQuantity(draft);
    if (quantity === undefined) {
      update.reset();
      setInvalid(true);
      return;
    }
    send(quantity);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    commit();
  };

  const remove = () => {
    if (pending) return;
    update.mutate({ productId: line.productId, quantity: 0 }, { onSuccess: () => onRemoved(line.name) });
  };

  const warning = availabilityWarning(line);
  const errorId = `${id}-error`;
  const href = `/products/${encodeURIComponent(line.slug)}`;
  return (
    <li className={line.available ? 'cart-line' : 'cart-line cart-line--unavailable'} aria-busy={pending}>
      {line.imageUrl ? (
        <img className="cart-line__image" src={line.imageUrl} alt="" width={96} height={96} loading="lazy" />
      ) : (
        <div className="cart-line__image cart-line__image--missing" aria-hidden="true" />
      )}
      <div className="cart-line__info">
        <h3 className="cart-line__name">
          <Link to={href}>{line.name}</Link>
        </h3>
        <p className="cart-line__unit">
          {formatMoney(line.unitPriceCents, currency)} <span className="muted">each</span>
        </p>
        {warning ? <p className="cart-line__warning">{warning}</p> : null}
      </div>
      <form className="cart-line__quantity" onSubmit={onSubmit} noValidate>
        <div className="stepper">
          <button
            type="button"
            className="stepper__button"
            aria-label={`Decrease quantity of ${line.name}`}
            aria-disabled={pending || line.quantity <= 1 || undefined}
            onClick={() => line.quantity > 1 && send(line.quantity - 1)}
          >
            <span aria-hidden="true">−</span>
          </button>
          <label htmlFor={`${id}-quantity`} className="visually-hidden">
            Quantity of {line.name}
          </label>
          <input
            id={`${id}-quantity`}
            className="stepper__input"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_LINE_QUANTITY}
            step={1}
            value={draft}
            readOnly={pending}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={commit}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid || update.isError ? errorId : undefined}
          />
          <button
            type="button"
            className="stepper__button"
            aria-label={`Increase quantity of ${line.name}`}
            aria-disabled={pending || line.quantity >= MAX_LINE_QUANTITY || undefined}
            onClick={() => line.quantity < MAX_LINE_QUANTITY && send(line.quantity + 1)}
          >
            <span aria-hidden="true">+</span>
          </button>
        </div>
        <button type="button" className="link-button link-button--danger" onClick={remove}>
          Remove<span className="visually-hidden"> {line.name}</span>
        </button>
      </form>
      <p className="cart-line__total">
        <span className="visually-hidden">Line total: </span>
        {formatMoney(line.lineTotalCents, currency)}
      </p>
      {invalid || update.isError ? (
        <p id={errorId} className="field-error cart-line__error" role="alert">
          {invalid ? QUANTITY_HINT : cartErrorMessage(update.error)}
        </p>
      ) : null}
    </li>
  );
}
