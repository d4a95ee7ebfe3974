import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';
import { useProductSaved } from './update-product.ts';

export function useUploadProductImage(id: string) {
  const client = useApiClient();
  const saved = useProductSaved();
  return useMutation({
    mutationFn: (file: File) => client.admin.uploadImage(id, file, file.name),
    onSuccess: saved,
  });
}
