/**
 * The device page's ranges: four presets that end now, or a custom one, and
 * the bucket width each is charted at. Kept in the URL (`?range=7d`, or
 * `?from=…&to=…`), so a chart can be linked and reloaded as it was.
 */

export const rangePresets = ['1h', '24h', '7d', '30d'] as const;
export type RangePreset = (typeof rangePresets)[number];
export type TimeRange = { kind: 'preset'; preset: RangePreset } | { kind: 'custom'; from: string; to: string };
export type BucketWidth = '1m' | '5m' | '1h' | '1d';

export const defaultRange: TimeRange = { kind: 'preset', preset: '24h' };

const minute = 60_000;
const presetMs: Record<RangePreset, number> = {
  '1h': 60 * minute,
  '24h': 24 * 60 * minute,
  '7d': 7 * 24 * 60 * minute,
  '30d': 30 * 24 * 60 * minute,
};
const widths: readonly { width: BucketWidth; ms: number }[] = [
  { width: '1m', ms: minute },
  { width: '5m', ms: 5 * minute },
  { width: '1h', ms: 60 * minute },
  { width: '1d', ms: 24 * 60 * minute },
];
/** About one point per two pixels of a wide chart; the server allows 5,000. */
export const maxPoints = 1_000;
/** The server keeps 400 days; a custom range longer than that shows nothing more. */
const maxRangeMs = 400 * 24 * 60 * minute;

/**
 * The narrowest bucket that is no shorter than the device's reporting
 * interval (or every other bucket would be an empty "gap") and fits the
 * range in `maxPoints`.
 */
export function bucketWidthFor(rangeMs: number, reportingIntervalSeconds: number): BucketWidth {
  const fit = widths.find((w) => w.ms >= reportingIntervalSeconds * 1000 && rangeMs / w.ms <= maxPoints);
  return fit?.width ?? '1d';
}

export function resolveRange(
  range: TimeRange,
  options: { now: Date; reportingIntervalSeconds: number },
): { from: Date; to: Date; width: BucketWidth } {
  const to = range.kind === 'preset' ? options.now : new Date(range.to);
  const from = range.kind === 'preset' ? new Date(to.getTime() - presetMs[range.preset]) : new Date(range.from);
  return { from, to, width: bucketWidthFor(to.getTime() - from.getTime(), options.reportingIntervalSeconds) };
}

/** The range a URL names; anything unreadable, reversed or too long is the default. */
export function rangeFromSearch(params: URLSearchParams): TimeRange {
  const preset = params.get('range');
  if (preset && (rangePresets as readonly string[]).includes(preset)) {
    return { kind: 'preset', preset: preset as RangePreset };
  }
  const from = Date.parse(params.get('from') ?? '');
  const to = Date.parse(params.get('to') ?? '');
  if (Number.isFinite(from) && Number.isFinite(to) && from < to && to - from <= maxRangeMs) {
    return { kind: 'custom', from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  }
  return defaultRange;
}

export function rangeToSearch(range: TimeRange): Record<string, string> {
  return range.kind === 'preset' ? { range: range.preset } : { from: range.from, to: range.to };
}

/** A custom range from two `datetime-local` values read on Tokyo's clock (UTC+9 all year). */
export function customRange(fromLocal: string, toLocal: string): TimeRange | undefined {
  const at = (local: string) => Date.parse(`${local.length === 16 ? `${local}:00` : local}+09:00`);
  const from = at(fromLocal);
  const to = at(toLocal);
  if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to || to - from > maxRangeMs) return undefined;
  return { kind: 'custom', from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** An instant as a `datetime-local` value on Tokyo's clock. */
export function toTokyoLocal(iso: string | Date): string {
  const ms = new Date(iso).getTime() + 9 * 60 * minute;
  return new Date(ms).toISOString().slice(0, 16);
}
