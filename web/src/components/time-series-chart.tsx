import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { shopTimeZone } from '@/lib/format/date-time';

/** A threshold drawn across the chart as a dashed line: an alert rule's limit, an alarm's threshold. */
export type ChartThreshold = { value: number; label: string };

/** One line; `band` series are not stroked and only bound a shaded band (`bands`). */
export type ChartSeries = {
  label: string;
  values: readonly (number | null)[];
  colour: string;
  band?: boolean;
  /** Mark each value with a dot: a value between two empty slots is otherwise invisible. */
  points?: boolean;
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
 * Kura's one uPlot wrapper: lines over time on the shop's clock, optional
 * shaded bands between two series, thresholds as dashed lines, and the empty
 * slots of one series shaded, so a gap stays a gap (the line breaks there,
 * nothing is interpolated). The telemetry charts and the operations console
 * draw with it; a page lazy-loads its chart so uPlot never reaches the shop.
 */
export function TimeSeriesChart({
  times,
  series,
  bands = [],
  unit,
  thresholds = [],
  height = 240,
  shadeGapsOf,
  legend = false,
  floor,
  className,
  ...attributes
}: {
  /** Slot starts, in seconds since the epoch, evenly spaced. */
  times: readonly number[];
  series: readonly ChartSeries[];
  /** Pairs of indexes into `series` (upper, lower) whose space between is shaded in the upper's colour. */
  bands?: readonly { upper: number; lower: number; fill: string }[];
  unit: string;
  thresholds?: readonly ChartThreshold[];
  height?: number;
  /** The index into `series` whose empty slots are shaded as "no data". */
  shadeGapsOf?: number;
  legend?: boolean;
  /** The lowest value the axis shows (0 for counts), however the padding falls. */
  floor?: number;
  className?: string;
} & { [data: `data-${string}`]: string }) {
  const { i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data: uPlot.AlignedData = [times as number[], ...series.map((s) => s.values as (number | null)[])];
  const dataRef = useRef(data);
  dataRef.current = data;

  // Options change rarely (language, series, thresholds): the chart is rebuilt then, and only fed new data otherwise.
  const shapeKey = JSON.stringify({
    series: series.map(({ label, colour, band, points }) => ({ label, colour, band, points })),
    bands,
    thresholds,
    unit,
    height,
    shadeGapsOf,
    legend,
    floor,
  });
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const shape = JSON.parse(shapeKey) as {
      series: Omit<ChartSeries, 'values'>[];
      bands: { upper: number; lower: number; fill: string }[];
      thresholds: ChartThreshold[];
      unit: string;
      height: number;
      shadeGapsOf?: number;
      legend: boolean;
      floor?: number;
    };
    const limits = shape.thresholds;
    const locale = i18n.language === 'en' ? 'en-US' : 'ja-JP';
    const timeOnly = new Intl.DateTimeFormat(locale, { timeZone: shopTimeZone, hour: '2-digit', minute: '2-digit' });
    const dayOnly = new Intl.DateTimeFormat(locale, { timeZone: shopTimeZone, month: 'numeric', day: 'numeric' });
    const full = new Intl.DateTimeFormat(locale, { timeZone: shopTimeZone, dateStyle: 'medium', timeStyle: 'short' });
    // uPlot counts series from 1 (0 is x).
    const gapSeries = shape.shadeGapsOf === undefined ? undefined : shape.shadeGapsOf + 1;
    const options: uPlot.Options = {
      width: element.clientWidth || 600,
      height: shape.height,
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
            return [shape.floor === undefined ? lo - pad : Math.max(shape.floor, lo - pad), hi + pad];
          },
        },
      },
      legend: { show: shape.legend },
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
        { label: shape.unit, values: (_u, splits) => splits.map((s) => s.toLocaleString(locale)) },
      ],
      series: [
        { value: (_u, v) => (v === null ? '—' : full.format(new Date(v * 1000))) },
        ...shape.series.map(
          (s): uPlot.Series =>
            s.band
              ? { label: s.label, stroke: 'transparent', points: { show: false } }
              : {
                  label: s.label,
                  stroke: s.colour,
                  width: 2,
                  spanGaps: false,
                  points: { show: s.points ?? false, size: 5, fill: s.colour },
                },
        ),
      ],
      bands: shape.bands.map((b) => ({ series: [b.upper + 1, b.lower + 1], fill: b.fill })),
      hooks: {
        drawClear: [
          (u) => {
            // Shade each slot without data, so a gap reads as "no data" and not as a flat line.
            if (gapSeries === undefined) return;
            const xs = u.data[0];
            const values = u.data[gapSeries];
            const { ctx } = u;
            if (!xs || !values || xs.length < 2) return;
            const step = (xs[1] ?? 0) - (xs[0] ?? 0);
            ctx.save();
            ctx.fillStyle = gapColour;
            for (let i = 0; i < xs.length; i++) {
              if (values[i] !== null && values[i] !== undefined) continue;
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
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: shape.height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [shapeKey, i18n.language]);

  const dataKey = JSON.stringify(data);
  useEffect(() => {
    if (dataKey) plot.current?.setData(dataRef.current);
  }, [dataKey]);

  return <div ref={container} className={`w-full ${className ?? ''}`} aria-hidden="true" {...attributes} />;
}
