import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useInventoryReport } from '../../../features/admin/api/inventory-report.ts';
import { useOrderStatusCounts } from '../../../features/admin/api/order-status-counts.ts';
import { useSalesReport } from '../../../features/admin/api/sales-report.ts';
import { lastDays } from '../../../features/admin/utils/last-days.ts';
import { BackofficePage } from '../../../features/backoffice/components/backoffice-page.tsx';
import { BarChart, LineChart } from '../../../features/backoffice/components/charts.tsx';
import { CsvDownloadButton } from '../../../features/backoffice/components/csv-download-button.tsx';
import { formatMoney } from '../../../features/backoffice/utils/money.ts';
import { ORDER_STATUS_LABELS } from '../../../features/backoffice/utils/order-status.ts';
import { useApiClient } from '../../../lib/api-client.ts';

const RANGE_DAYS = 30;
/** The shop sells in one currency; the reports add up minor units of it. */
const CURRENCY = 'USD';
const LOW_STOCK_SHOWN = 10;

const usd = (cents: number) => formatMoney(cents, CURRENCY);

export function DashboardPage() {
  const client = useApiClient();
  // Fixed when the page opens, so the query key does not change under a running query.
  const [range] = useState(() => lastDays(RANGE_DAYS));
  const sales = useSalesReport({ ...range, groupBy: 'day' });
  const statuses = useOrderStatusCounts();
  const inventory = useInventoryReport();

  return (
    <BackofficePage
      title="Dashboard"
      actions={
        <CsvDownloadButton
          label="Download sales CSV"
          fileName={`sales-${range.from}-${range.to}.csv`}
          fetchCsv={() => client.admin.reportCsv('sales', { ...range, groupBy: 'day' })}
        />
      }
    >
      <section aria-label="Key numbers">
        <dl className="bo-stats">
          <div>
            <dt>Revenue, last {RANGE_DAYS} days</dt>
            <dd>{sales.data ? usd(sales.data.totals.revenueCents) : '…'}</dd>
          </div>
          <div>
            <dt>Orders, last {RANGE_DAYS} days</dt>
            <dd>{sales.data?.totals.orders ?? '…'}</dd>
          </div>
          <div>
            <dt>Average order</dt>
            <dd>{sales.data ? usd(sales.data.averageOrderValueCents) : '…'}</dd>
          </div>
          <div>
            <dt>Waiting to ship</dt>
            <dd>{statuses.data?.items.find((item) => item.status === 'paid')?.count ?? '…'}</dd>
          </div>
          <div>
            <dt>Low-stock products</dt>
            <dd>{inventory.data?.totals.lowStock ?? '…'}</dd>
          </div>
        </dl>
      </section>
      <div className="bo-grid">
        {sales.isPending ? (
          <LoadingState label="Loading revenue…" />
        ) : sales.error ? (
          <ErrorState
            title="Revenue could not be loaded"
            error={sales.error}
            onRetry={() => sales.refetch()}
          />
        ) : (
          <LineChart
            title={`Revenue per day, last ${RANGE_DAYS} days`}
            valueLabel="Revenue"
            formatValue={usd}
            points={sales.data.rows.map((row) => ({ label: row.period, value: row.revenueCents }))}
          />
        )}
        {statuses.isPending ? (
          <LoadingState label="Loading orders by status…" />
        ) : statuses.error ? (
          <ErrorState
            title="Orders by status could not be loaded"
            error={statuses.error}
            onRetry={() => statuses.refetch()}
          />
        ) : (
          <BarChart
            title="Orders by status"
            valueLabel="Orders"
            labelHeader="Status"
            points={statuses.data.items.map(({ status, count }) => ({
              label: ORDER_STATUS_LABELS[status],
              value: count,
            }))}
          />
        )}
      </div>
      <section className="card" aria-labelledby="low-stock">
        <h2 id="low-stock">Low stock</h2>
        {inventory.isPending ? (
          <LoadingState label="Loading stock levels…" />
        ) : inventory.error ? (
          <ErrorState
            title="Stock levels could not be loaded"
            error={inventory.error}
            onRetry={() => inventory.refetch()}
          />
        ) : (
          <LowStockList rows={inventory.data.rows.filter((row) => row.lowStock).slice(0, LOW_STOCK_SHOWN)} />
        )}
        <p>
          <Link to="/admin/products?lowStock=true&sort=stock&order=asc">All low-stock products</Link>
        </p>
      </section>
    </BackofficePage>
  );
}

function LowStockList({ rows }: { rows: { productId: string; name: string; stock: number }[] }) {
  if (rows.length === 0) return <p>Every product on sale has enough stock.</p>;
  return (
    <ul className="bo-list">
      {rows.map((row) => (
        <li key={row.productId}>
          <Link to={`/admin/products/${row.productId}`}>{row.name}</Link> — {row.stock} left
        </li>
      ))}
    </ul>
  );
}
