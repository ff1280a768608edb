import { useTranslation } from 'react-i18next';
import type { OpsSpan } from '../api/ops';

const tiers = ['browser', 'api', 'queue', 'worker', 'database'] as const;
type Tier = (typeof tiers)[number];

/** Which hop a span belongs to, from what OpenTelemetry says about it. */
export function tierOf(span: OpsSpan): Tier {
  const a = span.attributes;
  if (a['db.system'] !== undefined || a['db.system.name'] !== undefined || span.name.startsWith('pg.'))
    return 'database';
  if (span.kind === 'CONSUMER') return 'worker';
  if (span.kind === 'PRODUCER' || a['messaging.system'] !== undefined) return 'queue';
  if (span.service.includes('web') || span.service.includes('browser')) return 'browser';
  return 'api';
}

/**
 * The hops this trace went through, browser → api → queue → worker →
 * database, each with its span count; a hop the trace did not reach is
 * drawn faint. The browser is there when the API's first span continued a
 * trace that started elsewhere (the SPA's traceparent).
 */
export function ServiceMap({ spans }: { spans: readonly OpsSpan[] }) {
  const { t } = useTranslation();
  const counts = new Map<Tier, number>();
  for (const span of spans) counts.set(tierOf(span), (counts.get(tierOf(span)) ?? 0) + 1);
  const ids = new Set(spans.map((s) => s.spanId));
  const fromBrowser = spans.some((s) => s.kind === 'SERVER' && s.parentSpanId !== null && !ids.has(s.parentSpanId));
  if (fromBrowser && !counts.has('browser')) counts.set('browser', 0);
  const width = 110;
  return (
    <svg
      viewBox={`0 0 ${tiers.length * width} 70`}
      className="w-full max-w-2xl"
      role="img"
      aria-label={t('ops.traces.serviceMap')}
    >
      <title>{t('ops.traces.serviceMap')}</title>
      {tiers.map((tier, i) => {
        const present = counts.has(tier);
        const x = i * width + 5;
        return (
          <g key={tier} opacity={present ? 1 : 0.3} data-tier={tier} data-present={present}>
            {i > 0 && (
              <line
                x1={x - 15}
                y1={30}
                x2={x}
                y2={30}
                stroke="currentColor"
                strokeWidth={1.5}
                markerEnd="url(#arrow)"
              />
            )}
            <rect
              x={x}
              y={10}
              width={width - 20}
              height={40}
              rx={6}
              fill="none"
              stroke="currentColor"
              strokeWidth={1.5}
            />
            <text x={x + (width - 20) / 2} y={28} textAnchor="middle" fontSize={11}>
              {t(`ops.map.${tier}`)}
            </text>
            <text x={x + (width - 20) / 2} y={43} textAnchor="middle" fontSize={10}>
              {present ? `${counts.get(tier) ?? 0}` : '–'}
            </text>
          </g>
        );
      })}
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX={9} refY={5} markerWidth={6} markerHeight={6} orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
        </marker>
      </defs>
    </svg>
  );
}
