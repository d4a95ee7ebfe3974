/**
 * CSV for spreadsheets (RFC 4180 quoting, CRLF rows). A cell a spreadsheet would read as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading single quote, so an
 * attacker-chosen product name or email can never run as one. Numbers are written as they are.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const neutralised = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(neutralised) ? `"${neutralised.replaceAll('"', '""')}"` : neutralised;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The bits of a Fastify reply `sendCsv` needs (a route's reply is typed by its JSON schema). */
interface CsvReply {
  header(name: string, value: string): unknown;
  type(value: string): unknown;
  send(body: never): unknown;
}

/** Sends a CSV attachment; `name` is a fixed, safe file name chosen by the route. */
export function sendCsv<R extends CsvReply>(reply: R, name: string, body: string): R {
  reply.header('content-disposition', `attachment; filename="${name}"`);
  reply.header('cache-control', 'no-store');
  reply.type('text/csv; charset=utf-8');
  reply.send(body as never);
  return reply;
}
