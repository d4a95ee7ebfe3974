import type { OrderStatus, SellerOrderLine } from '@securecart/contract';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ShipOrderForm } from '../../../features/admin/components/ship-order-form.tsx';
import { BackofficePage } from '../../../features/backoffice/components/backoffice-page.tsx';
import { type Column, DataTable } from '../../../features/backoffice/components/data-table.tsx';
import { FilterBar, SelectFilter } from '../../../features/backoffice/components/filter-bar.tsx';
import { OrderStatusBadge } from '../../../features/backoffice/components/order-status-badge.tsx';
import { useToast } from '../../../features/backoffice/components/toasts.tsx';
import { useListParams } from '../../../features/backoffice/hooks/use-list-params.ts';
import { formatMoney } from '../../../features/backoffice/utils/money.ts';
import {
  ORDER_STATUS_LABELS,
  ORDER_STATUS_OPTIONS,
} from '../../../features/backoffice/utils/order-status.ts';
import { SHOP_CURRENCY } from '../../../features/reports/utils/report-format.ts';
import { useSellerOrderLines } from '../../../features/seller/api/list-order-lines.ts';
import { useShipOrderLine } from '../../../features/seller/api/ship-order-line.ts';

const PAGE_SIZE = 20;

const SHIPPED_OPTIONS = [
  { value: 'false', label: 'Not shipped yet' },
  { value: 'true', label: 'Shipped' },
];

const formatDate = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { timeZone: 'UTC' });

const COLUMNS: Column<SellerOrderLine>[] = [
  { key: 'order', header: 'Order', cell: (line) => line.orderNumber },
  { key: 'date', header: 'Placed', cell: (line) => formatDate(line.createdAt) },
  { key: 'product', header: 'Product', cell: (line) => line.name },
  { key: 'quantity', header: 'Qty', numeric: true, cell: (line) => line.quantity },
  {
    key: 'total',
    header: 'Line total',
    numeric: true,
    cell: (line) => formatMoney(line.lineTotalCents, SHOP_CURRENCY),
  },
  { key: 'status', header: 'Order status', cell: (line) => <OrderStatusBadge status={line.status} /> },
  {
    key: 'shipping',
    header: 'Shipping',
    cell: (line) =>
      line.shippedAt
        ? `${line.carrier} ${line.trackingNumber} (${formatDate(line.shippedAt)})`
        : 'Not shipped',
  },
];

/** Only a paid order's unshipped line can go out (the API answers 409 otherwise). */
// A partial refund does not end fulfilment (ADR 011): such a line can still be shipped.
const canShip = (line: SellerOrderLine) =>
  (line.status === 'paid' || line.status === 'partially_refunded') && !line.shippedAt;

const isStatus = (value: string): value is OrderStatus => value in ORDER_STATUS_LABELS;

export function SellerOrdersPage() {
  const { get, page } = useListParams();
  const status = get('status');
  const shipped = get('shipped');
  const lines = useSellerOrderLines({
    status: isStatus(status) ? status : undefined,
    shipped: shipped === '' ? undefined : shipped === 'true',
    page,
    pageSize: PAGE_SIZE,
  });
  const ship = useShipOrderLine();
  const toast = useToast();
  const [shipping, setShipping] = useState<SellerOrderLine>();

  const close = () => {
    ship.reset();
    setShipping(undefined);
  };

  return (
    <BackofficePage title="My order lines">
      <FilterBar label="Filter order lines">
        <SelectFilter name="status" label="Order status" options={ORDER_STATUS_OPTIONS} />
        <SelectFilter name="shipped" label="Shipping" options={SHIPPED_OPTIONS} />
      </FilterBar>
      <DataTable
        caption="My order lines"
        columns={COLUMNS}
        query={lines}
        rowKey={(line) => `${line.orderId}/${line.productId}`}
        rowActions={(line) =>
          canShip(line) && (
            <button type="button" className="link-button" onClick={() => setShipping(line)}>
              Ship
              <span className="visually-hidden">
                {' '}
                {line.name} of order {line.orderNumber}
              </span>
            </button>
          )
        }
        empty={<p>No order lines match these filters.</p>}
      />
      {shipping && (
        <Dialog title={`Ship ${shipping.name} (order ${shipping.orderNumber})`} onDismiss={close}>
          <p className="dialog__body">
            {shipping.quantity} × {shipping.name}. The customer is emailed the carrier and tracking number.
          </p>
          {/* The admin's order form: a seller ships their line with the same two fields. */}
          <ShipOrderForm
            pending={ship.isPending}
            error={ship.error}
            onShip={(body) =>
              ship.mutate(
                { orderId: shipping.orderId, productId: shipping.productId, body },
                {
                  onSuccess: (line) => {
                    close();
                    toast.show(`${line.name} of order ${line.orderNumber} was marked as shipped.`);
                  },
                },
              )
            }
          />
          <div className="dialog__actions">
            <button type="button" className="button button--secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </BackofficePage>
  );
}
