import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartSeries, TimeSeriesChart } from '@/components/time-series-chart';
import {
  type MetricRange,
  type MetricStatistic,
  metricRanges,
  type OpsDashboard,
  type OpsMetricSeries,
  useMetricSeries,
} from '../api/ops';

const palette = ['#1e3a5f', '#2f6b4f', '#b2382a', '#8a6d1f'];

type Widget = OpsDashboard['widgets'][number];

/**
 * The dashboard's widgets, each a chart of its catalogue metrics over the
 * chosen range. This module (and uPlot with it) loads with the metrics tab only.
 */
export function MetricCharts({ dashboard, range }: { dashboard: OpsDashboard; range: MetricRange }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {dashboard.widgets.map((widget) => (
        <WidgetChart key={widget.title} widget={widget} dashboard={dashboard} range={range} />
      ))}
    </div>
  );
}

function WidgetChart({ widget, dashboard, range }: { widget: Widget; dashboard: OpsDashboard; range: MetricRange }) {
  const { t, i18n } = useTranslation();
  const results = useMetricSeries(widget.metrics, range);
  const loaded = results.map((r) => r.data).filter((d): d is OpsMetricSeries => d !== undefined);
  const unit = dashboard.metrics.find((m) => m.name === widget.metrics[0]?.metric)?.unit ?? 'Count';
  const failed = results.some((r) => r.isError);

  // Every period of the range is a slot; a period with no datapoint is empty, as CloudWatch shows it.
  const { times, series } = useMemo(() => {
    const periodMs = metricRanges[range].periodSeconds * 1000;
    const first = loaded[0];
    if (!first) return { times: [] as number[], series: [] as ChartSeries[] };
    const start = Math.floor(Date.parse(first.from) / periodMs) * periodMs;
    const end = Date.parse(first.to);
    const slots: number[] = [];
    for (let at = start; at < end; at += periodMs) slots.push(at);
    return {
      times: slots.map((at) => at / 1000),
      series: loaded.map((s, i): ChartSeries => {
        const byTime = new Map(s.datapoints.map((p) => [Date.parse(p.timestamp), p.value]));
        // Counting nothing in a period is a count of 0; a latency with no request has no value.
        const zeroWhenEmpty = countingStatistic(s.statistic) && s.unit === 'Count';
        return {
          label: `${t(`ops.metrics.names.${s.metric}`)} (${s.statistic})`,
          values: slots.map((at) => byTime.get(at) ?? (zeroWhenEmpty ? 0 : null)),
          colour: palette[i % palette.length] ?? '#1e3a5f',
          points: !zeroWhenEmpty,
        };
      }),
    };
  }, [loaded, range, t]);

  const locale = i18n.language === 'en' ? 'en-US' : 'ja-JP';
  const unitLabel = t(unit === 'Count' ? 'ops.metrics.count' : 'ops.metrics.milliseconds');
  return (
    <figure className="rounded border border-sumi-200 p-2" data-testid="metric-widget" data-widget={widget.title}>
      <figcaption className="text-sm font-semibold">
        {t(`ops.metrics.widgets.${widget.title}`, { defaultValue: widget.title })}
      </figcaption>
      {failed && <p className="text-sm text-shu-700">{t('ops.metrics.failed')}</p>}
      {times.length > 0 && (
        <TimeSeriesChart
          className="metric-chart"
          times={times}
          series={series}
          unit={unitLabel}
          height={180}
          legend
          floor={0}
        />
      )}
      <ul className="sr-only" data-testid="metric-summary">
        {loaded.map((s) => (
          <li key={`${s.metric}-${s.statistic}`} data-metric={s.metric}>
            {t('ops.metrics.summary', {
              name: t(`ops.metrics.names.${s.metric}`),
              statistic: s.statistic,
              total: summaryValue(s).toLocaleString(locale),
              count: s.datapoints.length,
            })}
          </li>
        ))}
      </ul>
    </figure>
  );
}

const countingStatistic = (statistic: MetricStatistic) => statistic === 'Sum' || statistic === 'SampleCount';

/** What the range adds up to: the total of a count, the highest value otherwise. */
function summaryValue(series: OpsMetricSeries): number {
  const values = series.datapoints.map((p) => p.value);
  if (values.length === 0) return 0;
  if (countingStatistic(series.statistic)) return values.reduce((a, b) => a + b, 0);
  return Math.round(Math.max(...values) * 10) / 10;
}
