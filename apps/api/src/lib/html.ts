const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: unknown) => String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);

/** A template tag that escapes every interpolated value, so user data can never become markup. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, text, i) => out + text + (i < values.length ? escapeHtml(values[i]) : ''), '');
}
