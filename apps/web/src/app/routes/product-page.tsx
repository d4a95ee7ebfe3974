import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useProduct } from '../../features/catalog/api/get-product.ts';
import { ProductDetails } from '../../features/catalog/components/product-details.tsx';
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

  return (
    <>
      <PageTitle>{product.data.name}</PageTitle>
      <ProductDetails product={product.data} />
    </>
  );
}
