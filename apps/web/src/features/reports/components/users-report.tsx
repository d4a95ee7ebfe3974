import type { UsersReport } from '@securecart/contract';
import { LineChart } from '../../backoffice/components/charts.tsx';
import { formatCount } from '../utils/report-format.ts';
import { PeriodCountsTable } from './period-counts-table.tsx';

const COUNTS = [
  ['signUps', 'Sign-ups'],
  ['activeUsers', 'Active users'],
  ['logins', 'Logins'],
  ['failedLogins', 'Failed logins'],
  ['lockouts', 'Lockouts'],
] as const;

export function UsersReportView({ report }: { report: UsersReport }) {
  return (
    <div className="stack">
      <LineChart
        title="Sign-ups by period"
        points={report.rows.map((row) => ({ label: row.period, value: row.signUps }))}
        formatValue={formatCount}
        valueLabel="Sign-ups"
      />
      <PeriodCountsTable
        caption="Accounts and sign-ins by period"
        counts={COUNTS}
        rows={report.rows}
        totals={report.totals}
        empty="No activity in this period."
      />
    </div>
  );
}
