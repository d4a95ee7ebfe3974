import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProductBuyForm } from '../../features/cart/components/product-buy-form.tsx';
import { useProduct } from '../../features/catalog/api/get-product.ts';
import { ProductDetails } from '../../features/catalog/components/product-details.tsx';
import { ProductReviews } from '../../features/reviews/components/product-reviews.tsx';
import { WishlistToggle } from '../../features/wishlist/components/wishlist-toggle.tsx';
import { isNotFound } from '../../lib/is-not-found.ts';

export function ProductPage() {
  const { slug = '' } = useParams();
  const product = useProduct(slug);

  if (product.isPending) {
    return (
      <>
        <PageTitle>Loading product</PageTitle>
        <LoadingState label="Loading product…" />
      </>
    );
  }

  if (product.isError && isNotFound(product.error)) {
    return (
      <div className="not-found">
        <PageTitle>Product not found</PageTitle>
        <h1>Product not found</h1>
        <p>This product does not exist or is no longer sold.</p>
        <Link className="button" to="/">
          Back to the catalog
        </Link>
      </div>
    );
  }

  if (product.isError) {
    return (
      <>
        <PageTitle>Product unavailable</PageTitle>
        <h1 className="visually-hidden">Product</h1>
        <ErrorState
          title="This product could not be loaded"
          error={product.error}
          onRetry={() => product.refetch()}
        />
      </>
    );
  }

  const { data } = product;
  return (
    <>
      <PageTitle>{data.name}</PageTitle>
      <ProductDetails
        product={data}
        actions={
          <div className="product-actions">
            {data.inStock ? <ProductBuyForm productId={data.id} /> : null}
            <WishlistToggle productId={data.id} />
          </div>
        }
      />
      <ProductReviews productId={data.id} rating={data.rating} reviewCount={data.reviewCount} />
    </>
  );
}
