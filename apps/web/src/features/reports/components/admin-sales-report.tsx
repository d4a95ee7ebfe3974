import type { SalesReport } from '@securecart/contract';
import { BarChart } from '../../backoffice/components/charts.tsx';
import { formatCount, formatReportMoney } from '../utils/report-format.ts';
import { type ReportColumn, ReportTable } from './report-table.tsx';
import { SalesFigures } from './sales-figures.tsx';
import { Stats } from './stats.tsx';

type TopProduct = SalesReport['topProducts'][number];

const TOP_COLUMNS: ReportColumn<TopProduct>[] = [
  { key: 'name', header: 'Product', cell: (row) => row.name },
  { key: 'quantity', header: 'Units sold', numeric: true, cell: (row) => formatCount(row.quantity) },
  { key: 'revenue', header: 'Revenue', numeric: true, cell: (row) => formatReportMoney(row.revenueCents) },
];

export function AdminSalesReport({ report }: { report: SalesReport }) {
  return (
    <div className="stack">
      <Stats
        items={[
          ['Orders', formatCount(report.totals.orders)],
          ['Revenue', formatReportMoney(report.totals.revenueCents)],
          ['Average order value', formatReportMoney(report.averageOrderValueCents)],
        ]}
      />
      <SalesFigures report={report} />
      <h2>Top products</h2>
      {report.topProducts.length > 0 && (
        <BarChart
          title="Revenue of the top products"
          points={report.topProducts.map((row) => ({ label: row.name, value: row.revenueCents }))}
          formatValue={formatReportMoney}
          valueLabel="Revenue"
          labelHeader="Product"
        />
      )}
      <ReportTable
        caption="Top products"
        columns={TOP_COLUMNS}
        rows={report.topProducts}
        rowKey={(row) => row.productId}
        empty="No product sold in this period."
      />
    </div>
  );
}
