import type { InventoryReport } from '@securecart/contract';
import { Link } from 'react-router';
import { BarChart } from '../../backoffice/components/charts.tsx';
import { formatCount, formatReportMoney } from '../utils/report-format.ts';
import { type ReportColumn, ReportTable } from './report-table.tsx';
import { Stats } from './stats.tsx';

type InventoryRow = InventoryReport['rows'][number];

/** The chart shows the products closest to running out; the table has them all. */
const CHARTED_ROWS = 10;

const COLUMNS: ReportColumn<InventoryRow>[] = [
  {
    key: 'name',
    header: 'Product',
    cell: (row) => <Link to={`/admin/products/${row.productId}`}>{row.name}</Link>,
  },
  { key: 'stock', header: 'Stock', numeric: true, cell: (row) => formatCount(row.stock) },
  { key: 'low', header: 'Low stock', cell: (row) => (row.lowStock ? 'Low' : '—') },
  { key: 'price', header: 'Price', numeric: true, cell: (row) => formatReportMoney(row.priceCents) },
  {
    key: 'value',
    header: 'Stock value',
    numeric: true,
    cell: (row) => formatReportMoney(row.stockValueCents),
  },
];

export function InventoryReportView({ report }: { report: InventoryReport }) {
  const { totals } = report;
  return (
    <div className="stack">
      <Stats
        items={[
          ['Products', formatCount(totals.products)],
          ['Units', formatCount(totals.units)],
          ['Stock value', formatReportMoney(totals.stockValueCents)],
          ['Low stock', formatCount(totals.lowStock)],
        ]}
      />
      <BarChart
        title="Lowest stock"
        points={report.rows.slice(0, CHARTED_ROWS).map((row) => ({ label: row.name, value: row.stock }))}
        formatValue={formatCount}
        valueLabel="Units"
        labelHeader="Product"
      />
      <ReportTable
        caption="Stock by product, lowest first"
        columns={COLUMNS}
        rows={report.rows}
        rowKey={(row) => row.productId}
        totals={[
          'Total',
          formatCount(totals.units),
          formatCount(totals.lowStock),
          '',
          formatReportMoney(totals.stockValueCents),
        ]}
        empty="No products on sale."
      />
    </div>
  );
}
