import type { Product } from '@securecart/contract';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { problemMessage } from '../../../lib/problem-message.ts';
import { formatMoney } from '../../catalog/utils/money.ts';
import { useWishlist } from '../api/list-wishlist.ts';
import { useRemoveFromWishlist } from '../api/remove-from-wishlist.ts';
import '../wishlist.css';

interface WishlistListProps {
  /** What else a saved product offers (the page adds "Add to cart"); only for products in stock. */
  renderActions?: (product: Product) => ReactNode;
}

export function WishlistList({ renderActions }: WishlistListProps) {
  const wishlist = useWishlist();
  const remove = useRemoveFromWishlist();

  if (wishlist.isPending) return <LoadingState label="Loading your wishlist…" />;
  if (wishlist.isError) {
    return (
      <ErrorState
        title="Your wishlist could not be loaded"
        error={wishlist.error}
        onRetry={() => wishlist.refetch()}
      />
    );
  }

  const { items, total } = wishlist.data;
  if (items.length === 0) {
    return (
      <div className="state state--empty">
        <h2 className="state__title">Your wishlist is empty</h2>
        <p>Save products from their pages to find them here later.</p>
        <Link className="button" to="/">
          Browse the catalog
        </Link>
      </div>
    );
  }

  return (
    <div className="stack">
      {remove.isError ? <FormNotice tone="error">{problemMessage(remove.error)}</FormNotice> : null}
      <ul className="wishlist" aria-label="Saved products">
        {items.map((product) => (
          <li key={product.id} className="wishlist-item">
            {product.imageUrl ? (
              <img className="wishlist-item__image" src={product.imageUrl} alt="" width={80} height={80} />
            ) : (
              <div className="wishlist-item__image" aria-hidden="true" />
            )}
            <div className="wishlist-item__info">
              <h2 className="wishlist-item__name">
                <Link to={`/products/${encodeURIComponent(product.slug)}`}>{product.name}</Link>
              </h2>
              <p className="wishlist-item__price">{formatMoney(product.priceCents, product.currency)}</p>
              {product.inStock ? null : <p className="muted">Out of stock</p>}
            </div>
            <div className="wishlist-item__actions">
              {product.inStock ? renderActions?.(product) : null}
              <button
                type="button"
                className="link-button link-button--danger"
                aria-disabled={remove.isPending || undefined}
                onClick={() => {
                  if (!remove.isPending) remove.mutate(product.id);
                }}
              >
                Remove<span className="visually-hidden"> {product.name} from wishlist</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <p className="muted">
          Showing your {items.length} most recently saved products of {total}.
        </p>
      ) : null}
    </div>
  );
}
