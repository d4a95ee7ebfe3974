import type { AbandonmentReport } from '@securecart/contract';
import { BarChart } from '../../backoffice/components/charts.tsx';
import { formatCount } from '../utils/report-format.ts';
import { PeriodCountsTable } from './period-counts-table.tsx';

const COUNTS = [
  ['started', 'Started'],
  ['completed', 'Completed'],
  ['abandoned', 'Abandoned'],
  ['recovered', 'Recovered'],
] as const;

export function AbandonmentReportView({ report }: { report: AbandonmentReport }) {
  return (
    <div className="stack">
      <BarChart
        title="Checkouts in the period"
        points={COUNTS.map(([key, label]) => ({ label, value: report.totals[key] }))}
        formatValue={formatCount}
        valueLabel="Checkouts"
        labelHeader="Stage"
      />
      <PeriodCountsTable
        caption="Checkouts by period started"
        counts={COUNTS}
        rows={report.rows}
        totals={report.totals}
        empty="No checkout started in this period."
      />
    </div>
  );
}
