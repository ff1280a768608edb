import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { shopTimeZone } from '@/lib/format/date-time';
import type { ReadingBucket } from '../api/get-buckets';

/**
 * A threshold drawn across the chart: an alert rule's limit, for instance.
 * The telemetry-alerts feature passes its rules in through the page.
 */
export type ChartThreshold = { value: number; label: string };

type Metric = 'temperature' | 'humidity';

const colours: Record<Metric, { line: string; band: string }> = {
  temperature: { line: '#1e3a5f', band: 'rgba(30, 58, 95, 0.14)' },
  humidity: { line: '#2f6b4f', band: 'rgba(47, 107, 79, 0.14)' },
};
const thresholdColour = '#b2382a';
const gapColour = 'rgba(120, 113, 108, 0.12)';
/** Tick steps in seconds, minutes to weeks: uPlot picks the first that leaves `space` pixels per tick. */
const timeSteps = [
  60,
  300,
  600,
  900,
  1800,
  3600,
  2 * 3600,
  3 * 3600,
  6 * 3600,
  12 * 3600,
  86_400,
  2 * 86_400,
  3 * 86_400,
  7 * 86_400,
];

/**
 * One metric's average per bucket as a line, its min–max as a band, the
 * thresholds as dashed lines, and every empty bucket as a shaded column: a
 * gap stays a gap (the line breaks there, nothing is interpolated). Times on
 * the shop's clock. This module (and uPlot with it) loads only with the
 * device page.
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
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  const data = useMemo((): uPlot.AlignedData => {
    const xs = buckets.map((b) => Date.parse(b.start) / 1000);
    return [
      xs,
      buckets.map((b) => b[metric].avg),
      buckets.map((b) => b[metric].min),
      buckets.map((b) => b[metric].max),
    ];
  }, [buckets, metric]);
  const dataRef = useRef(data);
  dataRef.current = data;

  // Options change rarely (language, thresholds): the chart is rebuilt then, and only fed new data otherwise.
  const thresholdKey = JSON.stringify(thresholds);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const limits: ChartThreshold[] = JSON.parse(thresholdKey);
    const locale = i18n.language === 'en' ? 'en-US' : 'ja-JP';
    const timeOnly = new Intl.DateTimeFormat(locale, { timeZone: shopTimeZone, hour: '2-digit', minute: '2-digit' });
    const dayOnly = new Intl.DateTimeFormat(locale, { timeZone: shopTimeZone, month: 'numeric', day: 'numeric' });
    const full = new Intl.DateTimeFormat(locale, { timeZone: shopTimeZone, dateStyle: 'medium', timeStyle: 'short' });
    const { line, band } = colours[metric];
    const options: uPlot.Options = {
      width: element.clientWidth || 600,
      height,
      // Times are laid out on the shop's clock whatever the browser's zone.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), shopTimeZone),
      scales: {
        x: { time: true },
        y: {
          range: (_u, min, max) => {
            const all = [min, max, ...limits.map((l) => l.value)].filter((v) => Number.isFinite(v));
            if (all.length === 0) return [0, 1];
            const lo = Math.min(...all);
            const hi = Math.max(...all);
            const pad = Math.max((hi - lo) * 0.1, 0.5);
            return [lo - pad, hi + pad];
          },
        },
      },
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      axes: [
        {
          // Room for "12/3 18:00" per tick; whole days once a tick is a day or more apart.
          space: 90,
          incrs: timeSteps,
          values: (u, splits) => {
            const step = (splits[1] ?? 0) - (splits[0] ?? 0);
            const spanDays = ((u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0)) / 86_400;
            return splits.map((s) => {
              const at = new Date(s * 1000);
              if (step >= 86_400) return dayOnly.format(at);
              return spanDays > 1 ? `${dayOnly.format(at)} ${timeOnly.format(at)}` : timeOnly.format(at);
            });
          },
        },
        { label: unit, values: (_u, splits) => splits.map((s) => s.toLocaleString(locale)) },
      ],
      series: [
        { value: (_u, v) => (v === null ? '—' : full.format(new Date(v * 1000))) },
        { label: t('telemetry.average'), stroke: line, width: 2, spanGaps: false, points: { show: false } },
        { label: t('telemetry.minimum'), stroke: 'transparent', points: { show: false } },
        { label: t('telemetry.maximum'), stroke: 'transparent', points: { show: false } },
      ],
      bands: [{ series: [3, 2], fill: band }],
      hooks: {
        drawClear: [
          (u) => {
            // Shade each bucket without readings, so a gap reads as "no data" and not as a flat line.
            const [xs, avg] = u.data;
            const { ctx } = u;
            if (!xs || !avg || xs.length < 2) return;
            const step = (xs[1] ?? 0) - (xs[0] ?? 0);
            ctx.save();
            ctx.fillStyle = gapColour;
            for (let i = 0; i < xs.length; i++) {
              if (avg[i] !== null && avg[i] !== undefined) continue;
              const x0 = u.valToPos(xs[i] ?? 0, 'x', true);
              const x1 = u.valToPos((xs[i] ?? 0) + step, 'x', true);
              ctx.fillRect(x0, u.bbox.top, Math.max(1, x1 - x0), u.bbox.height);
            }
            ctx.restore();
          },
        ],
        draw: [
          (u) => {
            const { ctx } = u;
            ctx.save();
            ctx.strokeStyle = thresholdColour;
            ctx.fillStyle = thresholdColour;
            ctx.lineWidth = 1.5 * uPlot.pxRatio;
            ctx.setLineDash([6 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
            ctx.font = `${11 * uPlot.pxRatio}px sans-serif`;
            // the axes leave their own alignment on the context (right-aligned y values): label from the line's start
            ctx.textAlign = 'left';
            ctx.textBaseline = 'bottom';
            for (const limit of limits) {
              const y = u.valToPos(limit.value, 'y', true);
              ctx.beginPath();
              ctx.moveTo(u.bbox.left, y);
              ctx.lineTo(u.bbox.left + u.bbox.width, y);
              ctx.stroke();
              ctx.fillText(limit.label, u.bbox.left + 4 * uPlot.pxRatio, y - 4 * uPlot.pxRatio);
            }
            ctx.restore();
          },
        ],
      },
    };
    const chart = new uPlot(options, dataRef.current, element);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [metric, unit, height, thresholdKey, i18n.language, t]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  const values = buckets.map((b) => b[metric].avg).filter((v): v is number => v !== null);
  const latest = values.at(-1);
  const empty = buckets.filter((b) => b.count === 0).length;
  return (
    <div>
      <div
        ref={container}
        className="readings-chart w-full"
        data-metric={metric}
        data-thresholds={thresholds.map((limit) => limit.value).join(' ')}
        aria-hidden="true"
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
