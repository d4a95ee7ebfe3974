import { BackofficePage } from '../../../features/backoffice/components/backoffice-page.tsx';
import { CsvDownloadButton } from '../../../features/backoffice/components/csv-download-button.tsx';
import { ReportRangeForm } from '../../../features/reports/components/report-range-form.tsx';
import { ReportResult } from '../../../features/reports/components/report-result.tsx';
import { SalesFigures } from '../../../features/reports/components/sales-figures.tsx';
import { type ReportRange, useReportRange } from '../../../features/reports/hooks/use-report-range.ts';
import { useSellerSalesReport } from '../../../features/seller/api/sales-report.ts';
import { useApiClient } from '../../../lib/api-client.ts';

export function SellerSalesPage() {
  const client = useApiClient();
  const { range, error, update } = useReportRange();
  return (
    <BackofficePage
      title="My sales"
      actions={
        !error && (
          <CsvDownloadButton
            fetchCsv={() => client.seller.salesReportCsv(range)}
            fileName={`my-sales-${range.from}-to-${range.to}.csv`}
          />
        )
      }
    >
      <ReportRangeForm range={range} error={error} onChange={update} />
      {!error && <SellerSales range={range} />}
    </BackofficePage>
  );
}

function SellerSales({ range }: { range: ReportRange }) {
  const report = useSellerSalesReport(range);
  return (
    <ReportResult query={report} name="your sales">
      {(data) => <SalesFigures report={data} />}
    </ReportResult>
  );
}
