import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/data-table';
import { QueryState } from '@/components/query-state';
import { StatusPill } from '@/components/status-pill';
import { formatDateTime } from '@/lib/format/date-time';
import { type Alert, useAlerts } from '../api/get-alerts';
import { alertDurationMs, conditionText, formatDuration, formatValue } from '../describe-alert';

/** A device's alerts, newest first: raised or cleared, the value, how long, and "more" for older ones. */
export function AlertHistory({ deviceId }: { deviceId: string }) {
  const { t, i18n } = useTranslation();
  const alerts = useAlerts(deviceId);
  const now = new Date();
  const columns: Column<Alert>[] = [
    {
      id: 'state',
      header: t('telemetryAlerts.history.state'),
      cell: (alert) =>
        alert.clearedAt ? (
          <StatusPill tone="neutral">{t('telemetryAlerts.history.cleared')}</StatusPill>
        ) : (
          <StatusPill tone="failed">{t('telemetryAlerts.history.raised')}</StatusPill>
        ),
    },
    {
      id: 'condition',
      header: t('telemetryAlerts.history.condition'),
      rowHeader: true,
      className: 'whitespace-nowrap',
      cell: (alert) => conditionText(alert, t),
    },
    {
      id: 'raisedAt',
      header: t('telemetryAlerts.history.raisedAt'),
      className: 'whitespace-nowrap',
      cell: (alert) => <time dateTime={alert.raisedAt}>{formatDateTime(alert.raisedAt, i18n.language)}</time>,
    },
    {
      id: 'value',
      header: t('telemetryAlerts.history.value'),
      className: 'text-right tabular-nums whitespace-nowrap',
      cell: (alert) => formatValue(alert.raisedValue, alert.metric),
    },
    {
      id: 'duration',
      header: t('telemetryAlerts.history.duration'),
      className: 'whitespace-nowrap tabular-nums',
      cell: (alert) =>
        alert.clearedAt
          ? formatDuration(alertDurationMs(alert, now), t)
          : t('telemetryAlerts.history.ongoing', { duration: formatDuration(alertDurationMs(alert, now), t) }),
    },
    {
      id: 'clearedAt',
      header: t('telemetryAlerts.history.clearedAt'),
      className: 'whitespace-nowrap',
      cell: (alert) =>
        alert.clearedAt ? (
          <span>
            <time dateTime={alert.clearedAt}>{formatDateTime(alert.clearedAt, i18n.language)}</time>
            {alert.clearedBecause && (
              <span className="text-sumi-600">
                {t('telemetryAlerts.history.reason', {
                  reason: [
                    t(`telemetryAlerts.history.because.${alert.clearedBecause}`),
                    alert.clearedValue === null ? '' : formatValue(alert.clearedValue, alert.metric),
                  ]
                    .filter(Boolean)
                    .join(' '),
                })}
              </span>
            )}
          </span>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <section aria-labelledby="alert-history-heading" className="space-y-3">
      <h2 id="alert-history-heading" className="font-serif text-lg font-semibold">
        {t('telemetryAlerts.history.title')}
      </h2>
      <QueryState query={alerts}>
        {(data) => (
          <div className="space-y-3">
            <DataTable
              caption={t('telemetryAlerts.history.title')}
              columns={columns}
              rows={data.pages.flatMap((page) => page.items)}
              rowKey={(alert) => alert.id}
              empty={t('telemetryAlerts.history.empty')}
              rowClassName="alert-row"
            />
            {alerts.hasNextPage && (
              <button
                type="button"
                className="btn-secondary"
                disabled={alerts.isFetchingNextPage}
                onClick={() => void alerts.fetchNextPage()}
              >
                {alerts.isFetchingNextPage ? t('common.loading') : t('telemetryAlerts.history.more')}
              </button>
            )}
          </div>
        )}
      </QueryState>
    </section>
  );
}
