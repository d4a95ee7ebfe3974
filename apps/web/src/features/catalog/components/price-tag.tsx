import { formatMoney } from '../utils/money.ts';

interface PriceTagProps {
  priceCents: number;
  currency: string;
  size?: 'default' | 'large';
}

export function PriceTag({ priceCents, currency, size = 'default' }: PriceTagProps) {
  return (
    <span className={size === 'large' ? 'price price--large' : 'price'}>
      {formatMoney(priceCents, currency)}
    </span>
  );
}
