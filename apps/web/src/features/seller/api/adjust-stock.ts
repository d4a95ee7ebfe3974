import type { StockAdjustment } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useSellerProductSaved } from './update-product.ts';

export function useAdjustSellerStock(id: string) {
  const client = useApiClient();
  const saved = useSellerProductSaved();
  return useMutation({
    mutationFn: (body: StockAdjustment) => client.seller.adjustStock(id, body),
    onSuccess: saved,
  });
}
