/** Minor units as money a person reads in an error message, e.g. 500 USD → "$5.00". */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}
