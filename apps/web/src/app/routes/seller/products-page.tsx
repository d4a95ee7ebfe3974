import { Link } from 'react-router';
import {
  PRODUCT_SORTS,
  ProductList,
  productColumns,
  useProductListParams,
} from '../../../features/backoffice/components/product-list.tsx';
import { useSellerProducts } from '../../../features/seller/api/list-products.ts';

const COLUMNS = productColumns('/seller/products');

export function SellerProductsPage() {
  const { params } = useProductListParams(PRODUCT_SORTS);
  const products = useSellerProducts(params);
  return (
    <ProductList
      title="My products"
      listPath="/seller/products"
      columns={COLUMNS}
      query={products}
      empty={
        <p>
          No products match these filters. <Link to="/seller/products/new">Add a product</Link>
        </p>
      }
    />
  );
}
