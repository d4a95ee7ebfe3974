import {
  ProductEditor,
  type ProductEditorApi,
} from '../../../features/backoffice/components/product-editor.tsx';
import { useAdjustSellerStock } from '../../../features/seller/api/adjust-stock.ts';
import { useArchiveSellerProduct } from '../../../features/seller/api/archive-product.ts';
import { useSellerProduct } from '../../../features/seller/api/get-product.ts';
import { useUpdateSellerProduct } from '../../../features/seller/api/update-product.ts';
import { useUploadSellerProductImage } from '../../../features/seller/api/upload-product-image.ts';

const SELLER_PRODUCT_API: ProductEditorApi = {
  useProduct: useSellerProduct,
  useUpdate: useUpdateSellerProduct,
  useArchive: useArchiveSellerProduct,
  useUpload: useUploadSellerProductImage,
  useAdjust: useAdjustSellerStock,
};

export function SellerProductEditPage() {
  return (
    <ProductEditor
      api={SELLER_PRODUCT_API}
      listPath="/seller/products"
      backLabel="Back to my products"
      // Another seller's product is a 404 too: the page never says whether it exists.
      notFoundMessage="You have no product at this address."
    />
  );
}
