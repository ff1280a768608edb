import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/api/error-messages';
import { downloadReadingsCsv } from '../api/download-readings-csv';

/** Downloads the shown range's readings as CSV (opens in Excel with Japanese intact). */
export function CsvDownload({ deviceId, range }: { deviceId: string; range: () => { from: Date; to: Date } }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn-secondary px-3 py-1 text-sm"
        disabled={state.busy}
        onClick={() => {
          setState({ busy: true });
          downloadReadingsCsv({ id: deviceId, ...range() }).then(
            () => setState({ busy: false }),
            (error: unknown) => setState({ busy: false, error }),
          );
        }}
      >
        {state.busy ? t('common.loading') : t('telemetry.downloadCsv')}
      </button>
      {state.error !== undefined && (
        <p role="alert" className="text-sm text-shu-700">
          {errorMessage(state.error, t)}
        </p>
      )}
    </div>
  );
}
