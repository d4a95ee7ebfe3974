import type { AdminProduct } from '@securecart/contract';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useListParams } from '../hooks/use-list-params.ts';
import { formatMoney } from '../utils/money.ts';
import { BackofficePage } from './backoffice-page.tsx';
import { type Column, DataTable, type TableQuery } from './data-table.tsx';
import { FilterBar, SearchFilter, SelectFilter } from './filter-bar.tsx';

const PAGE_SIZE = 20;

/** The URL's `sort` + `order` as the API's single sort value, for the pairs both areas offer. */
export const PRODUCT_SORTS = {
  'name:asc': 'name_asc',
  'price:asc': 'price_asc',
  'price:desc': 'price_desc',
  'stock:asc': 'stock_asc',
} as const;

/** The list's filters, sort and page from the URL as the API's parameters; `get` reads any other. */
export function useProductListParams<Sort extends string>(sorts: Record<string, Sort>) {
  const { get, page, sort, order } = useListParams();
  const active = get('active');
  return {
    get,
    params: {
      q: get('q') || undefined,
      active: active === '' ? undefined : active === 'true',
      lowStock: get('lowStock') === 'true' || undefined,
      sort: sorts[`${sort}:${order}`] ?? ('newest' as const),
      page,
      pageSize: PAGE_SIZE,
    },
  };
}

/** Name (linking to the product under `listPath`), category, price, stock and status. */
export const productColumns = (listPath: string): Column<AdminProduct>[] => [
  {
    key: 'name',
    header: 'Name',
    sort: { key: 'name', orders: ['asc'] },
    cell: (product) => <Link to={`${listPath}/${product.id}`}>{product.name}</Link>,
  },
  { key: 'category', header: 'Category', cell: (product) => product.categoryName },
  {
    key: 'price',
    header: 'Price',
    numeric: true,
    sort: { key: 'price', orders: ['asc', 'desc'] },
    cell: (product) => formatMoney(product.priceCents, product.currency),
  },
  {
    key: 'stock',
    header: 'Stock',
    numeric: true,
    sort: { key: 'stock', orders: ['asc'] },
    cell: (product) => product.stock,
  },
  { key: 'status', header: 'Status', cell: (product) => (product.active ? 'On sale' : 'Archived') },
];

const STATUS_OPTIONS = [
  { value: 'true', label: 'On sale' },
  { value: 'false', label: 'Archived' },
];

interface ProductListProps {
  /** The page's heading and the table's name. */
  title: string;
  /** The area's list of products, e.g. `/admin/products`. */
  listPath: string;
  columns: readonly Column<AdminProduct>[];
  query: TableQuery<AdminProduct>;
  /** More filters, between Search and Status. */
  filters?: ReactNode;
  empty: ReactNode;
}

/** A staff area's products: filters and sort in the URL, a New product button, Edit per row. */
export function ProductList({ title, listPath, columns, query, filters, empty }: ProductListProps) {
  return (
    <BackofficePage
      title={title}
      actions={
        <Link className="button" to={`${listPath}/new`}>
          New product
        </Link>
      }
    >
      <FilterBar label="Filter products">
        <SearchFilter name="q" label="Search" placeholder="Name or description" />
        {filters}
        <SelectFilter name="active" label="Status" options={STATUS_OPTIONS} />
        <SelectFilter
          name="lowStock"
          label="Stock"
          anyLabel="Any"
          options={[{ value: 'true', label: 'Low stock only' }]}
        />
      </FilterBar>
      <DataTable
        caption={title}
        columns={columns}
        query={query}
        rowKey={(product) => product.id}
        rowActions={(product) => (
          <Link to={`${listPath}/${product.id}`}>
            Edit<span className="visually-hidden"> {product.name}</span>
          </Link>
        )}
        empty={empty}
      />
    </BackofficePage>
  );
}
