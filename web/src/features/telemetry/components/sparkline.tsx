import { useTranslation } from 'react-i18next';
import { useBuckets } from '../api/get-buckets';

const width = 120;
const height = 28;

/**
 * The last 24 hours of a device's temperature, hour by hour, as a small SVG
 * line (no chart library on the list page). An hour without readings breaks
 * the line, as on the device page.
 */
export function TemperatureSparkline({
  deviceId,
  reportingIntervalSeconds,
}: {
  deviceId: string;
  reportingIntervalSeconds: number;
}) {
  const { t } = useTranslation();
  const buckets = useBuckets(deviceId, { kind: 'preset', preset: '24h' }, Math.max(reportingIntervalSeconds, 3600));
  const points = buckets.data?.buckets.map((b) => b.temperature.avg) ?? [];
  const values = points.filter((v): v is number => v !== null);
  // The same box while loading, so the rows do not jump when the lines arrive.
  if (!buckets.data) return <svg width={width} height={height} aria-hidden="true" className="sparkline-loading" />;
  if (values.length === 0) return <span className="text-sumi-500">—</span>;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => (points.length <= 1 ? width / 2 : (i / (points.length - 1)) * (width - 2) + 1);
  const y = (v: number) => height - 2 - ((v - min) / span) * (height - 4);
  // One polyline per run of filled hours.
  const runs: string[][] = [];
  let run: string[] = [];
  points.forEach((v, i) => {
    if (v === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (run.length) runs.push(run);
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('telemetry.sparklineLabel', { min: min.toFixed(1), max: max.toFixed(1) })}
      className="sparkline text-ai-700"
    >
      {runs.map((r) =>
        r.length === 1 ? (
          <circle key={r[0]} cx={r[0]?.split(',')[0]} cy={r[0]?.split(',')[1]} r={1.2} fill="currentColor" />
        ) : (
          <polyline key={r[0]} points={r.join(' ')} fill="none" stroke="currentColor" strokeWidth={1.5} />
        ),
      )}
    </svg>
  );
}
