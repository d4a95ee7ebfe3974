export type DetailLine =
  | { label: string; before: string; after: string; value?: undefined }
  | { label: string; value: string; before?: undefined; after?: undefined };

/** Long texts (a product description) would swamp the table; the full value stays in the API. */
const MAX_VALUE_LENGTH = 200;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isChange = (value: unknown): value is { before: unknown; after: unknown } =>
  isRecord(value) && 'before' in value && 'after' in value && Object.keys(value).length === 2;

/** A value as plain text (never markup): strings as they are, the rest as JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (value === '') return '(empty)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/**
 * An entry's `details` as readable lines. The API writes changes in three shapes —
 * `{ before: {role}, after: {role} }`, `{ changes: { name: { before, after } } }` and
 * `{ stock: { before, after }, reason }` — so each becomes "field: before → after"; anything else
 * is "key: value".
 */
export function describeDetails(details: Record<string, unknown>, prefix = ''): DetailLine[] {
  const { before, after, ...rest } = details;
  const lines: DetailLine[] = [];
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      lines.push({ label: prefix + key, before: formatValue(before[key]), after: formatValue(after[key]) });
    }
  } else {
    if (before !== undefined) rest.before = before;
    if (after !== undefined) rest.after = after;
  }
  for (const [key, value] of Object.entries(rest)) {
    if (isChange(value)) {
      lines.push({ label: prefix + key, before: formatValue(value.before), after: formatValue(value.after) });
    } else if (isRecord(value)) {
      // `changes` only groups the fields; its name adds nothing to theirs.
      lines.push(...describeDetails(value, key === 'changes' ? prefix : `${prefix}${key}.`));
    } else {
      lines.push({ label: prefix + key, value: formatValue(value) });
    }
  }
  return lines;
}
