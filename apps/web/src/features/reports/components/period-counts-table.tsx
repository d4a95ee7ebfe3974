import { formatCount } from '../utils/report-format.ts';
import { ReportTable } from './report-table.tsx';

interface PeriodCountsTableProps<K extends string> {
  caption: string;
  /** The count columns, in order: field and header. */
  counts: readonly (readonly [K, string])[];
  rows: readonly ({ period: string } & Record<K, number>)[];
  totals: Record<K, number>;
  empty: string;
}

/** A report of counts by period (users, checkouts): one column per count and a totals row. */
export function PeriodCountsTable<K extends string>({
  caption,
  counts,
  rows,
  totals,
  empty,
}: PeriodCountsTableProps<K>) {
  const columns = [
    { key: 'period', header: 'Period', cell: (row: { period: string }) => row.period },
    ...counts.map(([key, header]) => ({
      key,
      header,
      numeric: true,
      cell: (row: Record<K, number>) => formatCount(row[key]),
    })),
  ];
  return (
    <ReportTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.period}
      totals={['Total', ...counts.map(([key]) => formatCount(totals[key]))]}
      empty={empty}
    />
  );
}
