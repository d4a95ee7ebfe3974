import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useSellerProductSaved } from './update-product.ts';

export function useUploadSellerProductImage(id: string) {
  const client = useApiClient();
  const saved = useSellerProductSaved();
  return useMutation({
    mutationFn: (file: File) => client.seller.uploadImage(id, file, file.name),
    onSuccess: saved,
  });
}
