import { useAdjustStock } from '../../../features/admin/api/adjust-stock.ts';
import { useArchiveProduct } from '../../../features/admin/api/archive-product.ts';
import { useAdminProduct } from '../../../features/admin/api/get-product.ts';
import { useUpdateProduct } from '../../../features/admin/api/update-product.ts';
import { useUploadProductImage } from '../../../features/admin/api/upload-product-image.ts';
import {
  ProductEditor,
  type ProductEditorApi,
} from '../../../features/backoffice/components/product-editor.tsx';

const ADMIN_PRODUCT_API: ProductEditorApi = {
  useProduct: useAdminProduct,
  useUpdate: useUpdateProduct,
  useArchive: useArchiveProduct,
  useUpload: useUploadProductImage,
  useAdjust: useAdjustStock,
};

export function ProductEditPage() {
  return (
    <ProductEditor
      api={ADMIN_PRODUCT_API}
      listPath="/admin/products"
      backLabel="Back to the products"
      notFoundMessage="There is no product with this address."
      shopLink
    />
  );
}
