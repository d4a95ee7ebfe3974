import { Link } from 'react-router';

/** Navigation state that says "the shopper chose to carry on with the open draft". */
export const RESUMED_STATE = { resumed: true } as const;

export const wasResumed = (state: unknown) => (state as { resumed?: unknown } | null)?.resumed === true;

/** Shown where a shopper arrives with an open draft, e.g. one started on another device. */
export function CheckoutInProgress() {
  return (
    <div className="notice notice--info checkout-in-progress" role="status">
      <p>You have a checkout in progress</p>
      <Link to="/checkout" state={RESUMED_STATE} className="button">
        Resume checkout
      </Link>
    </div>
  );
}
