import {
  ADMIN_ORDER_SORTS,
  type AdminOrderSort,
  type AdminOrderSummary,
  type OrderStatus,
} from '@securecart/contract';
import { Link } from 'react-router';
import { useAdminOrders } from '../../../features/admin/api/list-orders.ts';
import { BackofficePage } from '../../../features/backoffice/components/backoffice-page.tsx';
import { CsvDownloadButton } from '../../../features/backoffice/components/csv-download-button.tsx';
import { type Column, DataTable } from '../../../features/backoffice/components/data-table.tsx';
import {
  DateFilter,
  FilterBar,
  SearchFilter,
  SelectFilter,
} from '../../../features/backoffice/components/filter-bar.tsx';
import { OrderStatusBadge } from '../../../features/backoffice/components/order-status-badge.tsx';
import { type SortOrder, useListParams } from '../../../features/backoffice/hooks/use-list-params.ts';
import { formatMoney } from '../../../features/backoffice/utils/money.ts';
import {
  ORDER_STATUS_LABELS,
  ORDER_STATUS_OPTIONS,
} from '../../../features/backoffice/utils/order-status.ts';
import { useApiClient } from '../../../lib/api-client.ts';

const PAGE_SIZE = 20;

// Each sort key is the API's sort name without its direction: `total` + `desc` → `total_desc`.
const COLUMNS: Column<AdminOrderSummary>[] = [
  {
    key: 'number',
    header: 'Order',
    sort: { key: 'number', orders: ['asc', 'desc'] },
    cell: (order) => <Link to={`/admin/orders/${order.id}`}>{order.number}</Link>,
  },
  {
    key: 'placed',
    header: 'Placed',
    sort: { key: 'created', orders: ['desc', 'asc'] },
    cell: (order) => new Date(order.createdAt).toLocaleString('en-GB'),
  },
  { key: 'customer', header: 'Customer', cell: (order) => order.customerEmail },
  {
    key: 'status',
    header: 'Status',
    sort: { key: 'status', orders: ['asc', 'desc'] },
    cell: (order) => <OrderStatusBadge status={order.status} />,
  },
  {
    key: 'total',
    header: 'Total',
    numeric: true,
    sort: { key: 'total', orders: ['desc', 'asc'] },
    cell: (order) => formatMoney(order.totalCents, order.currency),
  },
];

/** The URL's `sort` + `order` as the API's sort; anything else leaves the API's default (newest first). */
const toApiSort = (sort: string | undefined, order: SortOrder): AdminOrderSort | undefined =>
  ADMIN_ORDER_SORTS.find((candidate) => candidate === `${sort}_${order}`);

const isStatus = (value: string): value is OrderStatus => value in ORDER_STATUS_LABELS;

export function OrdersPage() {
  const client = useApiClient();
  const { get, page, sort, order } = useListParams();
  const status = get('status');
  const filters = {
    status: isStatus(status) ? status : undefined,
    q: get('q') || undefined,
    from: get('from') || undefined,
    to: get('to') || undefined,
    sort: toApiSort(sort, order),
  };
  const orders = useAdminOrders({ ...filters, page, pageSize: PAGE_SIZE });
  return (
    <BackofficePage
      title="Orders"
      actions={
        <CsvDownloadButton
          fileName="orders.csv"
          label="Download CSV"
          fetchCsv={() => client.admin.exportOrdersCsv(filters)}
        />
      }
    >
      <FilterBar label="Filter orders">
        <SearchFilter name="q" label="Search" placeholder="Order number or email" />
        <SelectFilter name="status" label="Status" options={ORDER_STATUS_OPTIONS} />
        <DateFilter name="from" label="Placed from" />
        <DateFilter name="to" label="Placed until" />
      </FilterBar>
      <DataTable
        caption="Orders"
        columns={COLUMNS}
        query={orders}
        rowKey={(order) => order.id}
        empty={<p>No orders match these filters.</p>}
      />
    </BackofficePage>
  );
}
