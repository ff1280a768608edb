import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpsSpan } from '../api/ops';

/** Spans in tree order (each after its parent), with their depth; orphans start new roots. */
export function spanTree(spans: readonly OpsSpan[]): { span: OpsSpan; depth: number }[] {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string | null, OpsSpan[]>();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const byStart = (a: OpsSpan, b: OpsSpan) => Date.parse(a.startTime) - Date.parse(b.startTime);
  const out: { span: OpsSpan; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const span of [...(children.get(parent) ?? [])].sort(byStart)) {
      out.push({ span, depth });
      // Bounded by the spans themselves: each is visited once.
      if (out.length <= spans.length) walk(span.spanId, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The trace's spans on one time axis: where each started and how long it took; a click shows its attributes. */
export function TraceWaterfall({ spans }: { spans: readonly OpsSpan[] }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const rows = spanTree(spans);
  const start = Math.min(...spans.map((s) => Date.parse(s.startTime)));
  const end = Math.max(...spans.map((s) => Date.parse(s.startTime) + s.durationMs));
  const total = Math.max(end - start, 1);
  const chosen = spans.find((s) => s.spanId === picked);
  return (
    <div className="space-y-3">
      <ol className="space-y-1" aria-label={t('ops.traces.waterfall')}>
        {rows.map(({ span, depth }) => {
          const left = ((Date.parse(span.startTime) - start) / total) * 100;
          const width = Math.max((span.durationMs / total) * 100, 0.5);
          return (
            <li key={span.spanId}>
              <button
                type="button"
                onClick={() => setPicked(span.spanId)}
                aria-pressed={picked === span.spanId}
                className={`grid w-full grid-cols-[minmax(0,2fr)_minmax(0,3fr)] items-center gap-2 rounded px-1 text-left text-xs hover:bg-washi-100 ${picked === span.spanId ? 'bg-washi-100' : ''}`}
              >
                <span className="truncate" style={{ paddingLeft: `${depth * 12}px` }} title={span.name}>
                  <span className="text-sumi-500">{span.service} · </span>
                  {span.name}
                </span>
                <span className="relative block h-4 rounded bg-washi-50" data-testid="span-bar">
                  <span
                    className={`absolute top-0 h-4 rounded ${span.status === 'error' ? 'bg-shu-700' : 'bg-ai-700'}`}
                    style={{ left: `${left}%`, width: `${width}%` }}
                  />
                  <span className="absolute right-1 top-0 text-[10px] leading-4 text-sumi-700">
                    {span.durationMs.toFixed(1)} ms
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <section className="rounded-md border border-sumi-200 p-2 text-xs">
        <h3 className="mb-1 font-semibold">{t('ops.traces.attributes')}</h3>
        {chosen ? (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
            {Object.entries({ kind: chosen.kind, status: chosen.status, ...chosen.attributes }).map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-mono text-sumi-500">{key}</dt>
                <dd className="break-all font-mono">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sumi-500">{t('ops.traces.pickSpan')}</p>
        )}
      </section>
    </div>
  );
}
