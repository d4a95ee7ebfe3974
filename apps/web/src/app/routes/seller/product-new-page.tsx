import { ProductCreator } from '../../../features/backoffice/components/product-creator.tsx';
import { useCreateSellerProduct } from '../../../features/seller/api/create-product.ts';

export function SellerProductNewPage() {
  return <ProductCreator useCreate={useCreateSellerProduct} listPath="/seller/products" />;
}
