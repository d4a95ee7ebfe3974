import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../../lib/download-file.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useToast } from './toasts.tsx';

interface CsvDownloadButtonProps {
  /** A typed-client call with `format=csv` (it sends the bearer token, which a plain link cannot). */
  fetchCsv: () => Promise<string>;
  fileName: string;
  label?: string;
}

export function CsvDownloadButton({ fetchCsv, fileName, label = 'Download CSV' }: CsvDownloadButtonProps) {
  const toast = useToast();
  const download = useMutation({
    mutationFn: fetchCsv,
    gcTime: 0,
    onSuccess: (csv) => downloadFile(fileName, csv, 'text/csv;charset=utf-8'),
    onError: (error) => toast.show(`The download failed. ${problemMessage(error)}`, 'error'),
  });
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => download.mutate()}
      disabled={download.isPending}
      aria-busy={download.isPending || undefined}
    >
      {download.isPending ? 'Preparing…' : label}
    </button>
  );
}
