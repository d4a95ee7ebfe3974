import type { GroupBy } from '@securecart/contract';

const pad = (value: number) => String(value).padStart(2, '0');

/** The API's period of a UTC day: `YYYY-MM-DD`, ISO week `YYYY-Www`, or `YYYY-MM`. */
export function periodOf(day: string, groupBy: GroupBy): string {
  if (groupBy === 'day') return day;
  if (groupBy === 'month') return day.slice(0, 7);
  const date = new Date(`${day}T00:00:00Z`);
  // The ISO week belongs to the year of its Thursday.
  date.setUTCDate(date.getUTCDate() + 3 - ((date.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.floor((date.getTime() - yearStart) / (7 * 24 * 60 * 60 * 1000)) + 1;
  return `${date.getUTCFullYear()}-W${pad(week)}`;
}

/** Every UTC day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let time = Date.parse(`${from}T00:00:00Z`);
    time <= Date.parse(`${to}T00:00:00Z`);
    time += 86_400_000
  ) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}
