const DAY_MS = 24 * 60 * 60 * 1000;

const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The last `days` days up to today, as the reports' inclusive UTC `from`/`to` dates. */
export function lastDays(days: number, now = Date.now()): { from: string; to: string } {
  return { from: isoDate(now - (days - 1) * DAY_MS), to: isoDate(now) };
}
