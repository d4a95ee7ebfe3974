import { PageTitle } from '../../../components/page-title.tsx';
import { AddToCartButton } from '../../../features/cart/components/add-to-cart-button.tsx';
import { WishlistList } from '../../../features/wishlist/components/wishlist-list.tsx';

export function WishlistPage() {
  return (
    <>
      <PageTitle>Wishlist</PageTitle>
      <h1>Wishlist</h1>
      <WishlistList
        renderActions={(product) => <AddToCartButton productId={product.id} name={product.name} />}
      />
    </>
  );
}
