import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format/date-time';
import type { Alert } from '../api/get-alerts';
import { openAlertText } from '../describe-alert';

/**
 * The device's raised alerts, first thing on its page: what broke, the
 * value that raised it, since when. Nothing at all when all is well.
 */
export function OpenAlertsBanner({ alerts }: { alerts: readonly Alert[] }) {
  const { t, i18n } = useTranslation();
  if (alerts.length === 0) return null;
  const now = new Date();
  return (
    <section
      aria-labelledby="open-alerts-heading"
      className="open-alerts rounded-lg border-2 border-shu-600 bg-white p-4"
    >
      <h2 id="open-alerts-heading" className="font-semibold text-shu-700">
        {t('telemetryAlerts.open.title', { count: alerts.length })}
      </h2>
      <ul className="mt-2 space-y-1">
        {alerts.map((alert) => (
          <li key={alert.id} className="open-alert" data-alert-id={alert.id}>
            <span className="font-medium">{openAlertText(alert, now, t)}</span>{' '}
            <span className="text-sm">
              {t('telemetryAlerts.open.since', { at: formatDateTime(alert.conditionSince, i18n.language) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The devices list's mark for a device with raised alerts: seen at a glance, read in full on its page. */
export function OpenAlertsBadge({ alerts }: { alerts: readonly Alert[] }) {
  const { t } = useTranslation();
  if (alerts.length === 0) return null;
  const now = new Date();
  return (
    <span
      className="open-alerts-badge inline-flex items-center rounded-full bg-shu-700 px-2.5 py-0.5 text-xs font-semibold text-white"
      title={alerts.map((alert) => openAlertText(alert, now, t)).join('\n')}
    >
      {t('telemetryAlerts.open.badge', { count: alerts.length })}
    </span>
  );
}
