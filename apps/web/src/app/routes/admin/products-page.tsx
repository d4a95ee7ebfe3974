import type { AdminProduct } from '@securecart/contract';
import { useAdminProducts } from '../../../features/admin/api/list-products.ts';
import type { Column } from '../../../features/backoffice/components/data-table.tsx';
import { SelectFilter } from '../../../features/backoffice/components/filter-bar.tsx';
import {
  PRODUCT_SORTS,
  ProductList,
  productColumns,
  useProductListParams,
} from '../../../features/backoffice/components/product-list.tsx';
import { useCategories } from '../../../features/catalog/api/list-categories.ts';

const API_SORTS = { ...PRODUCT_SORTS, 'updated:desc': 'updated' } as const;

const COLUMNS: Column<AdminProduct>[] = [
  ...productColumns('/admin/products'),
  {
    key: 'updated',
    header: 'Updated',
    sort: { key: 'updated', orders: ['desc'] },
    cell: (product) => new Date(product.updatedAt).toLocaleDateString('en-GB'),
  },
];

export function ProductsPage() {
  const { get, params } = useProductListParams(API_SORTS);
  const categories = useCategories();
  const products = useAdminProducts({ ...params, category: get('category') || undefined });
  return (
    <ProductList
      title="Products"
      listPath="/admin/products"
      columns={COLUMNS}
      query={products}
      filters={
        <SelectFilter
          name="category"
          label="Category"
          options={(categories.data?.items ?? []).map((category) => ({
            value: category.slug,
            label: category.name,
          }))}
        />
      }
      empty={<p>No products match these filters.</p>}
    />
  );
}
