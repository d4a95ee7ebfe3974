/** At or below this many units the shopper is told how few are left. */
export const LOW_STOCK_THRESHOLD = 5;

type StockTone = 'in' | 'low' | 'out';

export function stockStatus(stock: number): { tone: StockTone; label: string } {
  if (stock <= 0) return { tone: 'out', label: 'Out of stock' };
  if (stock <= LOW_STOCK_THRESHOLD) return { tone: 'low', label: `Only ${stock} left` };
  return { tone: 'in', label: 'In stock' };
}

export function StockBadge({ stock }: { stock: number }) {
  const { tone, label } = stockStatus(stock);
  return <span className={`badge badge--${tone}`}>{label}</span>;
}
