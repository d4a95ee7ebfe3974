import type { StockAdjustment } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useProductSaved } from './update-product.ts';

export function useAdjustStock(id: string) {
  const client = useApiClient();
  const saved = useProductSaved();
  return useMutation({
    mutationFn: (body: StockAdjustment) => client.admin.adjustStock(id, body),
    onSuccess: saved,
  });
}
