import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/field';
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
          className="flex flex-wrap items-start gap-3"
        >
          <TextField label={t('telemetry.range.from')} type="datetime-local" value={from} onChange={setFrom} />
          <TextField
            label={t('telemetry.range.to')}
            type="datetime-local"
            value={to}
            onChange={setTo}
            // the message is about the span, so it sits under its end
            error={invalid ? t('telemetry.range.invalid') : undefined}
          />
          <button type="submit" className="btn-secondary mt-6">
            {t('telemetry.range.show')}
          </button>
          <p className="w-full text-xs text-sumi-600">{t('telemetry.range.tokyoTime')}</p>
        </form>
      )}
    </div>
  );
}
