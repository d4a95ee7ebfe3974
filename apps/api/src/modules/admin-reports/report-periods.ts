import type { GroupBy } from '@securecart/contract';
import { type SQL, sql } from 'drizzle-orm';

/** SQL fragments per grouping: `date_trunc` unit, series step and `to_char` label (ISO week for weeks). */
const PERIODS: Record<GroupBy, { unit: SQL; step: SQL; label: SQL }> = {
  day: { unit: sql.raw(`'day'`), step: sql.raw(`interval '1 day'`), label: sql.raw(`'YYYY-MM-DD'`) },
  week: { unit: sql.raw(`'week'`), step: sql.raw(`interval '1 week'`), label: sql.raw(`'IYYY-"W"IW'`) },
  month: { unit: sql.raw(`'month'`), step: sql.raw(`interval '1 month'`), label: sql.raw(`'YYYY-MM'`) },
};

export interface Range {
  from: string;
  to: string;
  groupBy: GroupBy;
}

/** `[from 00:00 UTC, to+1 00:00 UTC)` as timestamptz expressions: an index range scan on the column. */
export const rangeStart = (range: Pick<Range, 'from'>) => sql`(${range.from}::timestamp at time zone 'UTC')`;
export const rangeEnd = (range: Pick<Range, 'to'>) =>
  sql`((${range.to}::timestamp + interval '1 day') at time zone 'UTC')`;

/** The UTC period a timestamptz column falls in, truncated to the grouping unit (a timestamp). */
export const periodOf = (column: SQL | unknown, groupBy: GroupBy) =>
  sql`date_trunc(${PERIODS[groupBy].unit}, ${column} at time zone 'UTC')`;

/** The period a UTC calendar day (a `date` column of the roll-ups) falls in. */
export const periodOfDay = (column: SQL | unknown, groupBy: GroupBy) =>
  sql`date_trunc(${PERIODS[groupBy].unit}, ${column}::timestamp)`;

/** `from <= day <= to` on a `date` column. */
export const daysOf = (column: SQL | unknown, range: Pick<Range, 'from' | 'to'>) =>
  sql`${column} between ${range.from}::date and ${range.to}::date`;

/** Every period of the range, empty ones included, as rows `(p timestamp)`. */
export const periodSeries = (range: Range) =>
  sql`select generate_series(date_trunc(${PERIODS[range.groupBy].unit}, ${range.from}::timestamp), ${range.to}::timestamp, ${PERIODS[range.groupBy].step}) as p`;

export const periodLabel = (column: SQL, groupBy: GroupBy) =>
  sql`to_char(${column}, ${PERIODS[groupBy].label})`;

/** Rows of a raw query (node-postgres and PGlite both answer `{ rows }`). */
export const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
