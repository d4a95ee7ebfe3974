import type { SecureCartClient } from '@securecart/client';
import type { AccountExport } from '@securecart/contract';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api-client.ts';

/** Fetched on demand and handed straight to a file; never kept in the query cache. */
export const exportData = (client: SecureCartClient): Promise<AccountExport> => client.account.exportData();

export function useExportData() {
  const client = useApiClient();
  return useMutation({ mutationFn: () => exportData(client), gcTime: 0 });
}
