import type { SellerSalesReport } from '@securecart/contract';
import { LineChart } from '../../backoffice/components/charts.tsx';
import { formatCount, formatReportMoney } from '../utils/report-format.ts';
import { type ReportColumn, ReportTable } from './report-table.tsx';

type SalesRow = SellerSalesReport['rows'][number];

const COLUMNS: ReportColumn<SalesRow>[] = [
  { key: 'period', header: 'Period', cell: (row) => row.period },
  { key: 'orders', header: 'Orders', numeric: true, cell: (row) => formatCount(row.orders) },
  { key: 'revenue', header: 'Revenue', numeric: true, cell: (row) => formatReportMoney(row.revenueCents) },
];

/** Revenue by period as a line and a table with totals; the admin and seller sales reports share it. */
export function SalesFigures({ report }: { report: SellerSalesReport }) {
  return (
    <>
      <LineChart
        title="Revenue by period"
        points={report.rows.map((row) => ({ label: row.period, value: row.revenueCents }))}
        formatValue={formatReportMoney}
        valueLabel="Revenue"
      />
      <ReportTable
        caption="Sales by period"
        columns={COLUMNS}
        rows={report.rows}
        rowKey={(row) => row.period}
        totals={['Total', formatCount(report.totals.orders), formatReportMoney(report.totals.revenueCents)]}
        empty="No sales in this period."
      />
    </>
  );
}
