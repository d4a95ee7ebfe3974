import { useCreateProduct } from '../../../features/admin/api/create-product.ts';
import { ProductCreator } from '../../../features/backoffice/components/product-creator.tsx';

export function ProductNewPage() {
  return <ProductCreator useCreate={useCreateProduct} listPath="/admin/products" />;
}
