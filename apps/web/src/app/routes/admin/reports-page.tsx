import { useSearchParams } from 'react-router';
import { useInventoryReport } from '../../../features/admin/api/inventory-report.ts';
import { useSalesReport } from '../../../features/admin/api/sales-report.ts';
import { BackofficePage } from '../../../features/backoffice/components/backoffice-page.tsx';
import { CsvDownloadButton } from '../../../features/backoffice/components/csv-download-button.tsx';
import { useAbandonmentReport } from '../../../features/reports/api/abandonment-report.ts';
import { useUsersReport } from '../../../features/reports/api/users-report.ts';
import { AbandonmentReportView } from '../../../features/reports/components/abandonment-report.tsx';
import { AdminSalesReport } from '../../../features/reports/components/admin-sales-report.tsx';
import { InventoryReportView } from '../../../features/reports/components/inventory-report.tsx';
import { ReportRangeForm } from '../../../features/reports/components/report-range-form.tsx';
import { ReportResult } from '../../../features/reports/components/report-result.tsx';
import { ReportTabs } from '../../../features/reports/components/report-tabs.tsx';
import { UsersReportView } from '../../../features/reports/components/users-report.tsx';
import { type ReportRange, useReportRange } from '../../../features/reports/hooks/use-report-range.ts';
import { useApiClient } from '../../../lib/api-client.ts';

const REPORTS = {
  sales: 'Sales',
  inventory: 'Inventory',
  users: 'Users',
  abandonment: 'Checkout abandonment',
} as const;
type ReportId = keyof typeof REPORTS;

const isReport = (value: string | null): value is ReportId => value !== null && value in REPORTS;

/** One report at a time, chosen by `?report=`; the period (`from`, `to`, `groupBy`) is kept across them. */
export function ReportsPage() {
  const client = useApiClient();
  const [params] = useSearchParams();
  const requested = params.get('report');
  const report: ReportId = isReport(requested) ? requested : 'sales';
  const { range, error, update } = useReportRange();
  // Inventory is a snapshot of now: no period, so no period error either.
  const dated = report !== 'inventory';
  return (
    <BackofficePage
      title="Reports"
      actions={
        (!dated || !error) && (
          <CsvDownloadButton
            key={report}
            fetchCsv={() => client.admin.reportCsv(report, dated ? range : {})}
            fileName={dated ? `${report}-report-${range.from}-to-${range.to}.csv` : 'inventory-report.csv'}
            label={`Download ${REPORTS[report].toLowerCase()} CSV`}
          />
        )
      }
    >
      <ReportTabs reports={REPORTS} current={report} />
      <section className="stack" aria-labelledby="report-heading">
        <h2 id="report-heading">{REPORTS[report]}</h2>
        {dated ? (
          <>
            <ReportRangeForm range={range} error={error} onChange={update} />
            {!error && <DatedReport report={report} range={range} />}
          </>
        ) : (
          <InventoryPanel />
        )}
      </section>
    </BackofficePage>
  );
}

function DatedReport({ report, range }: { report: Exclude<ReportId, 'inventory'>; range: ReportRange }) {
  if (report === 'users') return <UsersPanel range={range} />;
  if (report === 'abandonment') return <AbandonmentPanel range={range} />;
  return <SalesPanel range={range} />;
}

function SalesPanel({ range }: { range: ReportRange }) {
  const query = useSalesReport(range);
  return (
    <ReportResult query={query} name="the sales report">
      {(data) => <AdminSalesReport report={data} />}
    </ReportResult>
  );
}

function InventoryPanel() {
  const query = useInventoryReport();
  return (
    <ReportResult query={query} name="the inventory report">
      {(data) => <InventoryReportView report={data} />}
    </ReportResult>
  );
}

function UsersPanel({ range }: { range: ReportRange }) {
  const query = useUsersReport(range);
  return (
    <ReportResult query={query} name="the users report">
      {(data) => <UsersReportView report={data} />}
    </ReportResult>
  );
}

function AbandonmentPanel({ range }: { range: ReportRange }) {
  const query = useAbandonmentReport(range);
  return (
    <ReportResult query={query} name="the abandonment report">
      {(data) => <AbandonmentReportView report={data} />}
    </ReportResult>
  );
}
