const formatters = new Map<string, Intl.NumberFormat>();

/** Minor units as money a person reads (emails, error messages), e.g. 500 USD → "$5.00". */
export function formatMoney(cents: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    // Built once per currency: placing an order formats its total on the hot path.
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(cents / 100);
}
