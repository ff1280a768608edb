import './alarms-messages';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { alarmReason } from './alarm-reason';
import { type OpsAlarm, useAlarms } from './alarms-api';

const stateStyle: Record<OpsAlarm['state'], string> = {
  ALARM: 'bg-shu-700 text-white',
  OK: 'bg-matsu-100 text-matsu-800',
  INSUFFICIENT_DATA: 'bg-sumi-100 text-sumi-700',
};

/** The alarms tab: every catalogue alarm this process evaluates, its state, why, and its changes. */
export function AlarmsPanel() {
  const alarms = useAlarms();
  return <QueryState query={alarms}>{(data) => <AlarmsList alarms={data.items} />}</QueryState>;
}

function AlarmsList({ alarms }: { alarms: readonly OpsAlarm[] }) {
  const { t } = useTranslation();
  const count = (state: OpsAlarm['state']) => alarms.filter((a) => a.state === state).length;
  // Firing alarms first: they are what the operator came for.
  const sorted = [...alarms].sort((a, b) => Number(b.state === 'ALARM') - Number(a.state === 'ALARM'));
  return (
    <div className="space-y-3">
      <p className="text-sm text-sumi-700">{t('ops.alarms.lead')}</p>
      <p className="text-sm font-semibold" data-testid="alarm-summary">
        {t('ops.alarms.summary', {
          alarm: count('ALARM'),
          ok: count('OK'),
          insufficient: count('INSUFFICIENT_DATA'),
        })}
      </p>
      <ul className="space-y-2">
        {sorted.map((alarm) => (
          <AlarmItem key={alarm.id} alarm={alarm} />
        ))}
      </ul>
    </div>
  );
}

function AlarmItem({ alarm }: { alarm: OpsAlarm }) {
  const { t } = useTranslation();
  const time = (iso: string) => new Date(iso).toLocaleString();
  return (
    <li
      className="rounded-md border border-sumi-200 bg-washi-50 p-3 text-sm"
      data-testid={`alarm-${alarm.id}`}
      data-state={alarm.state}
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${stateStyle[alarm.state]}`}>
          {t(`ops.alarms.states.${alarm.state}`)}
        </span>
        <h2 className="font-semibold">{alarm.id}</h2>
        <span className="text-sumi-600">{t(`ops.alarms.descriptions.${alarm.id}`)}</span>
      </div>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        <dt className="text-sumi-500">{t('ops.alarms.rule')}</dt>
        <dd>
          {t('ops.alarms.ruleText', {
            metric: alarm.metric,
            statistic: alarm.statistic,
            period: alarm.periodSeconds,
            threshold: alarm.threshold,
            comparison: t(`ops.alarms.comparisons.${alarm.comparison}`),
            m: alarm.datapointsToAlarm,
            n: alarm.evaluationPeriods,
          })}{' '}
          <span className="text-sumi-500">
            ({t('ops.alarms.missing', { treatment: t(`ops.alarms.treatments.${alarm.missingData}`) })})
          </span>
        </dd>
        <dt className="text-sumi-500">{t('ops.alarms.reason')}</dt>
        <dd>{alarmReason(t, alarm, alarm.cause)}</dd>
        <dt className="text-sumi-500">{t('ops.alarms.since')}</dt>
        <dd>{time(alarm.since)}</dd>
        <dt className="text-sumi-500">{t('ops.alarms.datapoints')}</dt>
        <dd className="font-mono text-xs">
          {alarm.datapoints
            .slice(-alarm.evaluationPeriods)
            .map((d) => (d.value === null ? '–' : String(Math.round(d.value * 100) / 100)))
            .join(' · ')}
        </dd>
      </dl>
      <details className="mt-2">
        <summary className="cursor-pointer text-ai-800">
          {t('ops.alarms.history')} ({alarm.history.length})
        </summary>
        {alarm.history.length === 0 ? (
          <p className="mt-1 text-sumi-500">{t('ops.alarms.noHistory')}</p>
        ) : (
          <ol className="mt-1 space-y-1" aria-label={`${alarm.id} ${t('ops.alarms.history')}`}>
            {alarm.history.map((change) => (
              <li key={`${change.time}-${change.to}`} data-testid="alarm-change">
                <time dateTime={change.time}>{time(change.time)}</time>{' '}
                <span className="font-semibold">
                  {t(`ops.alarms.states.${change.from}`)} → {t(`ops.alarms.states.${change.to}`)}
                </span>{' '}
                <span className="text-sumi-600">{alarmReason(t, alarm, change.cause)}</span>
              </li>
            ))}
          </ol>
        )}
      </details>
    </li>
  );
}
