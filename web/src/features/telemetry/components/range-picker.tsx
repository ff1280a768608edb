import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customRange, rangePresets, type TimeRange, toTokyoLocal } from '../time-range';

/** 1 h, 24 h, 7 d, 30 d (each ending now), or from–to on the shop's clock. */
export function RangePicker({ range, onChange }: { range: TimeRange; onChange: (range: TimeRange) => void }) {
  const { t } = useTranslation();
  const [custom, setCustom] = useState(range.kind === 'custom');
  const now = new Date();
  const [from, setFrom] = useState(
    range.kind === 'custom' ? toTokyoLocal(range.from) : toTokyoLocal(new Date(now.getTime() - 86_400_000)),
  );
  const [to, setTo] = useState(range.kind === 'custom' ? toTokyoLocal(range.to) : toTokyoLocal(now));
  const [invalid, setInvalid] = useState(false);
  const fromId = useId();
  const toId = useId();
  const errorId = useId();

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = customRange(from, to);
    setInvalid(!next);
    if (next) onChange(next);
  }

  const pressed = (preset: (typeof rangePresets)[number]) =>
    !custom && range.kind === 'preset' && range.preset === preset;
  return (
    <div className="space-y-2">
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">{t('telemetry.range.label')}</legend>
        {rangePresets.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={pressed(preset)}
            className="rounded-full border border-washi-300 bg-white px-3 py-1 text-sm aria-pressed:border-ai-800 aria-pressed:bg-ai-800 aria-pressed:text-white"
            onClick={() => {
              setCustom(false);
              setInvalid(false);
              onChange({ kind: 'preset', preset });
            }}
          >
            {t(`telemetry.range.${preset}`)}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={custom}
          aria-expanded={custom}
          className="rounded-full border border-washi-300 bg-white px-3 py-1 text-sm aria-pressed:border-ai-800 aria-pressed:bg-ai-800 aria-pressed:text-white"
          onClick={() => setCustom(true)}
        >
          {t('telemetry.range.custom')}
        </button>
      </fieldset>
      {custom && (
        <form
          onSubmit={apply}
          noValidate
          aria-label={t('telemetry.range.custom')}
          className="flex flex-wrap items-end gap-3"
        >
          <div className="flex flex-col">
            <label htmlFor={fromId} className="text-sm font-medium">
              {t('telemetry.range.from')}
            </label>
            <input
              id={fromId}
              type="datetime-local"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? errorId : undefined}
              className="rounded border border-washi-300 bg-white px-2 py-1.5"
            />
          </div>
          <div className="flex flex-col">
            <label htmlFor={toId} className="text-sm font-medium">
              {t('telemetry.range.to')}
            </label>
            <input
              id={toId}
              type="datetime-local"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? errorId : undefined}
              className="rounded border border-washi-300 bg-white px-2 py-1.5"
            />
          </div>
          <button type="submit" className="btn-secondary">
            {t('telemetry.range.show')}
          </button>
          <p className="w-full text-xs text-sumi-600">{t('telemetry.range.tokyoTime')}</p>
          {invalid && (
            <p id={errorId} role="alert" className="w-full text-sm text-shu-700">
              {t('telemetry.range.invalid')}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
