import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/data-table';
import { ApiError } from '@/lib/api/api-error';
import { detailMessage, errorMessage } from '@/lib/api/error-messages';
import { downloadProductsCsv, type ImportMode, type ImportReport, useImportProducts } from '../api/import-products';

type RowError = ImportReport['errors'][number];

/**
 * Picks a CSV, uploads it with a progress bar, and shows the server's
 * report: counts, and every bad cell by row and column. By default one bad
 * row means nothing is imported; the checkbox imports the good rows anyway.
 */
export function ImportForm() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all');
  const [progress, setProgress] = useState(0);
  const run = useImportProducts(setProgress);
  const ids = { file: useId(), mode: useId(), progress: useId() };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setProgress(0);
    run.mutate({ file, mode });
  }

  const uploading = run.isPending && progress < 1;
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-3 rounded-lg border border-washi-300 bg-white p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.file} className="text-sm font-medium">
            {t('admin.import.file')}
          </label>
          <input
            id={ids.file}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <p className="text-xs text-sumi-600">{t('admin.import.columns')}</p>
        </div>
        <label htmlFor={ids.mode} className="flex items-center gap-2 text-sm">
          <input
            id={ids.mode}
            type="checkbox"
            checked={mode === 'valid-rows'}
            onChange={(e) => setMode(e.target.checked ? 'valid-rows' : 'all')}
          />
          {t('admin.import.validRows')}
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={!file || run.isPending}>
            {t('admin.import.submit')}
          </button>
          <button type="button" className="btn-secondary" onClick={() => void downloadProductsCsv()}>
            {t('admin.import.export')}
          </button>
        </div>
        {run.isPending ? (
          <div className="space-y-1">
            <label htmlFor={ids.progress} className="text-sm">
              {uploading
                ? t('admin.import.uploading', { percent: Math.round(progress * 100) })
                : t('admin.import.processing')}
            </label>
            <progress id={ids.progress} className="w-full" max={1} {...(uploading ? { value: progress } : {})} />
          </div>
        ) : null}
      </form>
      {run.error ? (
        <div role="alert" className="rounded border border-shu-600 bg-washi-100 px-3 py-2 text-sm text-shu-700">
          <p>{t('admin.import.refused')}</p>
          <p>{errorMessage(run.error, t)}</p>
          {run.error instanceof ApiError && run.error.details.length > 0 ? (
            <ul className="list-disc pl-5">
              {run.error.details.map((d) => (
                <li key={`${d.path}-${d.message}`}>
                  <code>{d.path}</code>: {detailMessage(d, t)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {run.data ? <ImportSummary report={run.data} /> : null}
    </div>
  );
}

function ImportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const columns: Column<RowError>[] = [
    { id: 'row', header: t('admin.import.row'), rowHeader: true, cell: (e) => e.row, className: 'tabular-nums' },
    { id: 'column', header: t('admin.import.column'), cell: (e) => (e.column ? <code>{e.column}</code> : '—') },
    { id: 'code', header: t('admin.import.code'), cell: (e) => <code>{e.code}</code> },
    { id: 'message', header: t('admin.import.message'), cell: (e) => detailMessage({ ...e, path: e.column ?? '' }, t) },
  ];
  return (
    <section aria-labelledby="import-result" className="space-y-3">
      <h2 id="import-result" className="font-serif text-lg font-semibold">
        {t('admin.import.result')}
      </h2>
      <p role="status" className={report.committed ? 'text-matsu-800' : 'text-shu-700'}>
        {report.committed
          ? t('admin.import.committed', {
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
            })
          : t('admin.import.notCommitted', { failed: report.failed })}
      </p>
      <p className="text-sm text-sumi-700">{t('admin.import.counts', { rows: report.rows, failed: report.failed })}</p>
      {report.errors.length > 0 ? (
        <DataTable
          caption={t('admin.import.errorsTitle')}
          columns={columns}
          rows={report.errors}
          rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
          empty=""
        />
      ) : null}
      {report.errorsTruncated ? <p className="text-sm">{t('admin.import.truncated')}</p> : null}
    </section>
  );
}
