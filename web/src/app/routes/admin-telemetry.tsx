import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '@/components/query-state';
import { useDevices } from '@/features/telemetry/api/get-devices';
import { DevicesTable } from '@/features/telemetry/components/devices-table';
import { OpenAlertsBadge } from '@/features/telemetry-alerts/components/open-alerts';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /admin/telemetry — every storehouse sensor with its latest reading, state and last 24 hours. */
export function AdminTelemetryRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('telemetry.title'));
  const devices = useDevices();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-2xl font-semibold">{t('telemetry.title')}</h1>
        <Link to="/admin/telemetry/new" className="btn-secondary px-3 py-1 text-sm">
          {t('telemetry.register.title')}
        </Link>
      </div>
      <p className="text-sm text-sumi-700">{t('telemetry.lead')}</p>
      <QueryState query={devices}>
        {(data) => (
          <DevicesTable devices={data.items} alerts={(device) => <OpenAlertsBadge alerts={device.openAlerts} />} />
        )}
      </QueryState>
    </div>
  );
}
