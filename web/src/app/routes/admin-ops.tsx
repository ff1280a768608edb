import '@/features/ops/ops-messages';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '@/components/query-state';
import { AlarmsPanel } from '@/features/ops/alarms/alarms-panel';
import {
  type LogQuery,
  type MetricRange,
  metricRanges,
  type OpsTraceSummary,
  type TraceQuery,
  useFaultSwitches,
  useLogs,
  useOpsDashboard,
  useTrace,
  useTraceSearch,
} from '@/features/ops/api/ops';
import { FaultSwitchesPanel } from '@/features/ops/components/fault-switches-panel';
import { LogsTable } from '@/features/ops/components/logs-table';
import { ServiceMap } from '@/features/ops/components/service-map';
import { TraceWaterfall } from '@/features/ops/components/trace-waterfall';
import { useDocumentTitle } from '@/hooks/use-document-title';

// uPlot comes with the metrics tab only: the traces, logs and the rest of the back office never load it.
const MetricCharts = lazy(async () => ({
  default: (await import('@/features/ops/components/metric-charts')).MetricCharts,
}));

const tabs = ['traces', 'metrics', 'logs', 'alarms', 'faults'] as const;
type Tab = (typeof tabs)[number];

/** The operations console: traces (a click to the stock reservation), metric charts, structured logs, fault switches. */
export function AdminOpsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('ops.title'));
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs.find((name) => name === params.get('tab')) ?? 'traces';
  const traceId = params.get('trace');
  const openTrace = (id: string) => setParams({ tab: 'traces', trace: id });

  return (
    <div className="space-y-4">
      <h1 className="font-serif text-2xl font-semibold">{t('ops.title')}</h1>
      <p className="text-sm text-sumi-700">{t('ops.lead')}</p>
      <nav className="flex flex-wrap items-center gap-2 border-b border-sumi-200" aria-label={t('ops.title')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            aria-current={tab === name ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-1 text-sm ${tab === name ? 'border-ai-700 font-semibold' : 'border-transparent'}`}
            onClick={() => setParams({ tab: name })}
          >
            {t(`ops.tabs.${name}`)}
          </button>
        ))}
        <span className="ml-auto flex gap-3 text-sm">
          <span className="text-sumi-500">{t('ops.links.title')}:</span>
          <Link className="underline" to="/admin/dead-letters">
            {t('ops.links.deadLetters')}
          </Link>
          <Link className="underline" to="/admin/telemetry">
            {t('ops.links.telemetryAlerts')}
          </Link>
        </span>
      </nav>
      {tab === 'traces' &&
        (traceId ? (
          <TraceDetail traceId={traceId} onBack={() => setParams({ tab: 'traces' })} />
        ) : (
          <TraceSearch onOpen={openTrace} />
        ))}
      {tab === 'metrics' && (
        <MetricsView
          range={metricRangeOf(params.get('range'))}
          onRange={(range) => setParams({ tab: 'metrics', range })}
        />
      )}
      {tab === 'logs' && <LogsView onTrace={openTrace} />}
      {tab === 'alarms' && <AlarmsPanel />}
      {tab === 'faults' && <FaultsView />}
    </div>
  );
}

function TraceSearch({ onOpen }: { onOpen: (traceId: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<TraceQuery>({});
  const [hideBackground, setHideBackground] = useState(true);
  const traces = useTraceSearch(query);
  // The relay's and consumer's idle polls are traces of one SQL statement each: noise beside a person's request.
  const shown = (items: readonly OpsTraceSummary[]) =>
    hideBackground ? items.filter((trace) => !(trace.spanCount === 1 && trace.name.startsWith('db '))) : items;
  return (
    <section className="space-y-3">
      <form className="flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => e.preventDefault()}>
        <label className="flex flex-col">
          {t('ops.traces.route')}
          <input
            className="rounded border border-sumi-300 px-1"
            value={query.route ?? ''}
            onChange={(e) => setQuery({ ...query, route: e.target.value || undefined })}
          />
        </label>
        <label className="flex flex-col">
          {t('ops.traces.status')}
          <select
            className="rounded border border-sumi-300 px-1"
            value={query.status ?? ''}
            onChange={(e) =>
              setQuery({ ...query, status: e.target.value === '' ? undefined : (e.target.value as 'ok' | 'error') })
            }
          >
            <option value="">{t('ops.traces.anyStatus')}</option>
            <option value="ok">{t('ops.traces.ok')}</option>
            <option value="error">{t('ops.traces.error')}</option>
          </select>
        </label>
        <label className="flex flex-col">
          {t('ops.traces.minDuration')}
          <input
            className="w-28 rounded border border-sumi-300 px-1"
            type="number"
            min={0}
            value={query.minDurationMs ?? ''}
            onChange={(e) => setQuery({ ...query, minDurationMs: e.target.value ? Number(e.target.value) : undefined })}
          />
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={hideBackground} onChange={(e) => setHideBackground(e.target.checked)} />
          {t('ops.traces.hideBackground')}
        </label>
      </form>
      <QueryState query={traces} keepDataOnError>
        {(data) =>
          shown(data.items).length === 0 ? (
            <p className="text-sm text-sumi-500">{t('ops.traces.none')}</p>
          ) : (
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-sumi-500">
                  <th>{t('ops.traces.started')}</th>
                  <th>{t('ops.traces.name')}</th>
                  <th>{t('ops.traces.status')}</th>
                  <th className="text-right">{t('ops.traces.duration')}</th>
                  <th className="text-right">{t('ops.traces.spans')}</th>
                </tr>
              </thead>
              <tbody>
                {shown(data.items).map((trace) => (
                  <tr
                    key={trace.traceId}
                    className="border-t border-sumi-100"
                    data-testid="trace-row"
                    data-trace-id={trace.traceId}
                  >
                    <td className="whitespace-nowrap">{new Date(trace.startTime).toLocaleTimeString()}</td>
                    <td>
                      <button type="button" className="text-left underline" onClick={() => onOpen(trace.traceId)}>
                        {trace.route ?? trace.name}
                      </button>
                      {trace.httpStatus !== null && <span className="ml-2 text-sumi-500">{trace.httpStatus}</span>}
                    </td>
                    <td className={trace.status === 'error' ? 'text-shu-700' : ''}>{trace.status}</td>
                    <td className="text-right">{trace.durationMs.toFixed(1)} ms</td>
                    <td className="text-right">{trace.spanCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}

function TraceDetail({ traceId, onBack }: { traceId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const trace = useTrace(traceId);
  const logs = useLogs({ traceId }, true);
  return (
    <section className="space-y-3">
      <button type="button" className="text-sm underline" onClick={onBack}>
        ← {t('ops.traces.back')}
      </button>
      <h2 className="font-mono text-sm">{t('ops.traces.trace', { id: traceId })}</h2>
      <QueryState query={trace} notFound={{}}>
        {(data) => (
          <div className="space-y-4">
            <div>
              <h3 className="text-sm font-semibold">{t('ops.traces.serviceMap')}</h3>
              <ServiceMap spans={data.spans} />
            </div>
            <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
              <div>
                <h3 className="text-sm font-semibold">{t('ops.traces.waterfall')}</h3>
                <TraceWaterfall spans={data.spans} />
              </div>
              <div>
                <h3 className="text-sm font-semibold">{t('ops.traces.logsOfTrace')}</h3>
                <QueryState query={logs} keepDataOnError>
                  {(page) => <LogsTable lines={page.items} />}
                </QueryState>
              </div>
            </div>
          </div>
        )}
      </QueryState>
    </section>
  );
}

function LogsView({ onTrace }: { onTrace: (traceId: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<LogQuery>({});
  const [live, setLive] = useState(true);
  const logs = useLogs(query, live);
  const levels = ['debug', 'info', 'warn', 'error'] as const;
  return (
    <section className="space-y-3">
      <form className="flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => e.preventDefault()}>
        <label className="flex flex-col">
          {t('ops.logs.level')}
          <select
            className="rounded border border-sumi-300 px-1"
            value={query.level ?? ''}
            onChange={(e) =>
              setQuery({ ...query, level: levels.find((level) => level === e.target.value) ?? undefined })
            }
          >
            <option value="">{t('ops.logs.anyLevel')}</option>
            {levels.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t('ops.logs.module')}
          <input
            className="rounded border border-sumi-300 px-1"
            value={query.module ?? ''}
            onChange={(e) => setQuery({ ...query, module: e.target.value || undefined })}
          />
        </label>
        <label className="flex flex-col">
          {t('ops.logs.traceId')}
          <input
            className="w-72 rounded border border-sumi-300 px-1 font-mono"
            value={query.traceId ?? ''}
            onChange={(e) => setQuery({ ...query, traceId: e.target.value || undefined })}
          />
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
          {t('ops.logs.live')}
        </label>
      </form>
      <QueryState query={logs} keepDataOnError>
        {(page) => <LogsTable lines={page.items} onTrace={onTrace} />}
      </QueryState>
    </section>
  );
}

const metricRangeOf = (value: string | null): MetricRange =>
  (Object.keys(metricRanges) as MetricRange[]).find((range) => range === value) ?? '1h';

function MetricsView({ range, onRange }: { range: MetricRange; onRange: (range: MetricRange) => void }) {
  const { t } = useTranslation();
  const dashboard = useOpsDashboard();
  return (
    <section className="space-y-3">
      <p className="text-sm text-sumi-700">{t('ops.metrics.lead')}</p>
      <fieldset className="flex flex-wrap items-center gap-3 text-sm">
        <legend className="sr-only">{t('ops.metrics.range')}</legend>
        <span aria-hidden="true">{t('ops.metrics.range')}:</span>
        {(Object.keys(metricRanges) as MetricRange[]).map((name) => (
          <label key={name} className="flex items-center gap-1">
            <input type="radio" name="metric-range" checked={range === name} onChange={() => onRange(name)} />
            {t(`ops.metrics.ranges.${name}`)}
          </label>
        ))}
      </fieldset>
      <QueryState query={dashboard}>
        {(data) => (
          <Suspense fallback={<p className="text-sm text-sumi-500">…</p>}>
            <MetricCharts dashboard={data} range={range} />
          </Suspense>
        )}
      </QueryState>
    </section>
  );
}

function FaultsView() {
  const faults = useFaultSwitches();
  return (
    <QueryState query={faults}>{(data) => <FaultSwitchesPanel switches={data.items} store={data.store} />}</QueryState>
  );
}
