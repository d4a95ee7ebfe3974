import { Link, useLocation } from 'react-router';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useAuth } from '../../auth/session/auth-context.ts';
import { useAddToWishlist } from '../api/add-to-wishlist.ts';
import { useIsOnWishlist } from '../api/get-wishlist-item.ts';
import { useRemoveFromWishlist } from '../api/remove-from-wishlist.ts';
import '../wishlist.css';

/** Save or remove the product; a guest is offered to sign in and come back here. */
export function WishlistToggle({ productId }: { productId: string }) {
  const auth = useAuth();
  const location = useLocation();
  const onWishlist = useIsOnWishlist(productId);
  const add = useAddToWishlist();
  const remove = useRemoveFromWishlist();

  if (auth.status === 'loading') return null;
  if (auth.status === 'signed-out') {
    const next = new URLSearchParams({ next: `${location.pathname}${location.search}` });
    return (
      <p className="wishlist-toggle">
        <Link to={`/login?${next}`}>Sign in to save this to your wishlist</Link>
      </p>
    );
  }

  const saved = onWishlist.data ?? false;
  const known = onWishlist.data !== undefined;
  const mutation = saved ? remove : add;
  const busy = add.isPending || remove.isPending || onWishlist.isFetching;
  const error = add.error ?? remove.error ?? onWishlist.error;
  const toggle = () => {
    if (busy || !known) return;
    add.reset();
    remove.reset();
    mutation.mutate(productId);
  };

  return (
    <div className="wishlist-toggle">
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={busy || !known || undefined}
        onClick={toggle}
      >
        <span aria-hidden="true">{saved ? '♥' : '♡'}</span>
        {saved ? 'Remove from wishlist' : 'Save to wishlist'}
      </button>
      <p className="wishlist-toggle__status" aria-live="polite">
        {add.isSuccess && saved ? 'Saved to your wishlist.' : null}
        {remove.isSuccess && !saved ? 'Removed from your wishlist.' : null}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {problemMessage(error)}
        </p>
      ) : null}
    </div>
  );
}
