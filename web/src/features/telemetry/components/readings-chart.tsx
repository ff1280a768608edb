import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartSeries, type ChartThreshold, TimeSeriesChart } from '@/components/time-series-chart';
import type { ReadingBucket } from '../api/get-buckets';

/**
 * A threshold drawn across the chart: an alert rule's limit, for instance.
 * The telemetry-alerts feature passes its rules in through the page.
 */
export type { ChartThreshold };

type Metric = 'temperature' | 'humidity';

const colours: Record<Metric, { line: string; band: string }> = {
  temperature: { line: '#1e3a5f', band: 'rgba(30, 58, 95, 0.14)' },
  humidity: { line: '#2f6b4f', band: 'rgba(47, 107, 79, 0.14)' },
};

/**
 * One metric's average per bucket as a line, its min–max as a band, the
 * thresholds as dashed lines, and every empty bucket as a shaded column.
 * Times on the shop's clock. This module (and uPlot with it) loads only with
 * the device page.
 */
export function ReadingsChart({
  buckets,
  metric,
  unit,
  thresholds = [],
  height = 240,
}: {
  buckets: readonly ReadingBucket[];
  metric: Metric;
  unit: string;
  thresholds?: readonly ChartThreshold[];
  height?: number;
}) {
  const { t } = useTranslation();
  const times = useMemo(() => buckets.map((b) => Date.parse(b.start) / 1000), [buckets]);
  const series = useMemo((): ChartSeries[] => {
    const { line, band } = colours[metric];
    return [
      { label: t('telemetry.average'), values: buckets.map((b) => b[metric].avg), colour: line },
      { label: t('telemetry.minimum'), values: buckets.map((b) => b[metric].min), colour: band, band: true },
      { label: t('telemetry.maximum'), values: buckets.map((b) => b[metric].max), colour: band, band: true },
    ];
  }, [buckets, metric, t]);

  const values = buckets.map((b) => b[metric].avg).filter((v): v is number => v !== null);
  const latest = values.at(-1);
  const empty = buckets.filter((b) => b.count === 0).length;
  return (
    <div>
      <TimeSeriesChart
        className="readings-chart"
        data-metric={metric}
        data-thresholds={thresholds.map((limit) => limit.value).join(' ')}
        times={times}
        series={series}
        bands={[{ upper: 2, lower: 1, fill: colours[metric].band }]}
        unit={unit}
        thresholds={thresholds}
        height={height}
        shadeGapsOf={0}
      />
      <p className="sr-only" data-chart-summary={metric}>
        {values.length === 0
          ? t('telemetry.noReadings')
          : t('telemetry.chartSummary', {
              latest: latest?.toFixed(1),
              min: Math.min(...values).toFixed(1),
              max: Math.max(...values).toFixed(1),
              unit,
              empty,
              buckets: buckets.length,
            })}
      </p>
    </div>
  );
}
