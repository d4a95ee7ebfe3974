import { useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { downloadFile } from '../../../lib/download-file.ts';
import { formErrorMessage } from '../../../lib/form-errors.ts';
import { useExportData } from '../api/export-data.ts';

/** GDPR access: everything stored about the user, saved as a JSON file. */
export function ExportData() {
  const exportData = useExportData();
  const [saved, setSaved] = useState(false);

  const onClick = () => {
    setSaved(false);
    exportData.mutate(undefined, {
      onSuccess(data) {
        const date = new Date().toISOString().slice(0, 10);
        downloadFile(
          `securecart-data-${date}.json`,
          `${JSON.stringify(data, null, 2)}\n`,
          'application/json',
        );
        setSaved(true);
      },
    });
  };

  return (
    <div className="stack">
      <p>
        Download a copy of everything we store about you: your profile, addresses, sessions, privacy choices
        and account activity, as a JSON file.
      </p>
      {exportData.isError && <FormNotice tone="error">{formErrorMessage(exportData.error)}</FormNotice>}
      {saved && <FormNotice tone="success">Your data has been downloaded.</FormNotice>}
      <div>
        <button
          type="button"
          className="button button--secondary"
          disabled={exportData.isPending}
          onClick={onClick}
        >
          {exportData.isPending ? 'Preparing…' : 'Download my data'}
        </button>
      </div>
    </div>
  );
}
