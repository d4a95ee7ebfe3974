import { type GroupBy, MAX_REPORT_DAYS } from '@securecart/contract';
import { useSearchParams } from 'react-router';

export interface ReportRange {
  from: string;
  to: string;
  groupBy: GroupBy;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** With no range in the URL a report shows the last 30 days, today included. */
const DEFAULT_RANGE_DAYS = 30;
const GROUP_BYS: readonly GroupBy[] = ['day', 'week', 'month'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const isDate = (value: string) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** Why the API would refuse this range (the same rules), so the page says so instead of asking. */
function rangeError({ from, to }: ReportRange): string | undefined {
  if (!isDate(from) || !isDate(to)) return 'Enter both dates as YYYY-MM-DD.';
  if (from > to) return 'The start date must not be after the end date.';
  if (Date.parse(to) - Date.parse(from) > MAX_REPORT_DAYS * DAY_MS) {
    return `A report covers at most ${MAX_REPORT_DAYS} days. Choose a shorter range.`;
  }
  return undefined;
}

/** The report period lives in the URL (`from`, `to`, `groupBy`), so a shared link shows the same figures. */
export function useReportRange() {
  const [params, setParams] = useSearchParams();
  const today = Date.now();
  const groupBy = params.get('groupBy') as GroupBy | null;
  const range: ReportRange = {
    from: params.get('from') ?? isoDay(today - (DEFAULT_RANGE_DAYS - 1) * DAY_MS),
    to: params.get('to') ?? isoDay(today),
    groupBy: groupBy && GROUP_BYS.includes(groupBy) ? groupBy : 'day',
  };
  const update = (next: ReportRange) =>
    setParams((previous) => {
      const merged = new URLSearchParams(previous);
      merged.set('from', next.from);
      merged.set('to', next.to);
      merged.set('groupBy', next.groupBy);
      return merged;
    });
  return { range, error: rangeError(range), update };
}
