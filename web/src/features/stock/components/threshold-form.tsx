import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetThreshold } from '../api/set-threshold';

export function ThresholdForm({ sku, threshold }: { sku: string; threshold: number }) {
  const { t } = useTranslation();
  const save = useSetThreshold();
  const [value, setValue] = useState(String(threshold));
  const [invalid, setInvalid] = useState(false);
  const id = useId();
  const errorId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 1_000_000) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    save.mutate({ sku, threshold: n });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('stock.threshold')} className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col">
        <label htmlFor={id} className="text-sm font-medium">
          {t('stock.thresholdLabel')}
        </label>
        <input
          id={id}
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          className="w-24 rounded border border-washi-300 px-2 py-1.5 text-right tabular-nums"
        />
      </div>
      <button type="submit" className="btn-secondary" disabled={save.isPending}>
        {t('stock.thresholdSave')}
      </button>
      {invalid && (
        <p id={errorId} role="alert" className="text-sm text-shu-700">
          {t('stock.thresholdInvalid')}
        </p>
      )}
      {save.isError && (
        <p role="alert" className="text-sm text-shu-700">
          {t('admin.failed')}
        </p>
      )}
      {save.isSuccess && !invalid && (
        <p role="status" className="text-sm text-matsu-800">
          {t('stock.thresholdSaved', { n: save.data.lowStockThreshold })}
        </p>
      )}
    </form>
  );
}
