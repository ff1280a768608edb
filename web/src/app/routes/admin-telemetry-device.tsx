import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryState } from '@/components/query-state';
import { useBuckets } from '@/features/telemetry/api/get-buckets';
import { type DeviceDetail, useDevice } from '@/features/telemetry/api/get-device';
import { deviceName, useDevices } from '@/features/telemetry/api/get-devices';
import { CsvDownload } from '@/features/telemetry/components/csv-download';
import { DeviceKeysPanel } from '@/features/telemetry/components/device-keys-panel';
import { DeviceStatePill } from '@/features/telemetry/components/device-state';
import { RangePicker } from '@/features/telemetry/components/range-picker';
import { rangeFromSearch, rangeToSearch, resolveRange, type TimeRange } from '@/features/telemetry/time-range';
import { useAlertRules } from '@/features/telemetry-alerts/api/get-alert-rules';
import { AlertHistory } from '@/features/telemetry-alerts/components/alert-history';
import { AlertRulesPanel } from '@/features/telemetry-alerts/components/alert-rules-panel';
import { OpenAlertsBanner } from '@/features/telemetry-alerts/components/open-alerts';
import { ruleThresholds } from '@/features/telemetry-alerts/describe-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatDateTime } from '@/lib/format/date-time';

// uPlot comes with the chart, on this page only: the shop and the rest of the back office never load it.
const ReadingsChart = lazy(async () => ({
  default: (await import('@/features/telemetry/components/readings-chart')).ReadingsChart,
}));

/**
 * /admin/telemetry/:id — one sensor: its raised alerts first, live charts over
 * a range with the rules' thresholds drawn in, its CSV, alert rules and
 * history, and its keys.
 */
export function AdminTelemetryDeviceRoute() {
  const id = useParams().id ?? '';
  const device = useDevice(id);
  return (
    <QueryState query={device} notFound={{ linkTo: '/admin/telemetry' }}>
      {(data) => <DevicePage device={data} />}
    </QueryState>
  );
}

function DevicePage({ device }: { device: DeviceDetail }) {
  const { t, i18n } = useTranslation();
  const name = deviceName(device, i18n.language);
  useDocumentTitle(name);
  const [searchParams, setSearchParams] = useSearchParams();
  const range = rangeFromSearch(searchParams);
  const setRange = (next: TimeRange) => setSearchParams(rangeToSearch(next), { replace: true });
  const buckets = useBuckets(device.id, range, device.reportingIntervalSeconds);
  const status = useDevices().data?.items.find((d) => d.id === device.id);
  const rules = useAlertRules(device.id).data?.items ?? [];
  const shownRange = () => {
    const data = buckets.data;
    return data
      ? { from: new Date(data.from), to: new Date(data.to) }
      : resolveRange(range, { now: new Date(), reportingIntervalSeconds: device.reportingIntervalSeconds });
  };

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/admin/telemetry" className="underline">
          ← {t('telemetry.title')}
        </Link>
      </p>
      <div className="space-y-1">
        <h1 className="font-serif text-2xl font-semibold">{name}</h1>
        <p className="text-sm text-sumi-700">
          {device.location} · {t(`telemetry.kinds.${device.kind}`)} ·{' '}
          {t('telemetry.everySeconds', { count: device.reportingIntervalSeconds })}
        </p>
      </div>
      <OpenAlertsBanner alerts={status?.openAlerts ?? []} />
      <dl className="device-figures grid max-w-2xl grid-cols-2 gap-3 sm:grid-cols-4">
        <div className="rounded-lg border border-washi-300 bg-white p-3">
          <dt className="text-xs text-sumi-600">{t('telemetry.stateHeader')}</dt>
          <dd className="mt-1">
            <DeviceStatePill state={status?.state ?? (device.enabled ? 'reporting' : 'disabled')} />
          </dd>
        </div>
        <div className="rounded-lg border border-washi-300 bg-white p-3">
          <dt className="text-xs text-sumi-600">{t('telemetry.temperature')}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-figure="temperature">
            {status?.latest ? `${status.latest.temperature.toFixed(1)} °C` : '—'}
          </dd>
        </div>
        <div className="rounded-lg border border-washi-300 bg-white p-3">
          <dt className="text-xs text-sumi-600">{t('telemetry.humidity')}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-figure="humidity">
            {status?.latest ? `${status.latest.humidity.toFixed(0)} %` : '—'}
          </dd>
        </div>
        <div className="rounded-lg border border-washi-300 bg-white p-3">
          <dt className="text-xs text-sumi-600">{t('telemetry.lastReading')}</dt>
          <dd className="mt-1 text-sm">
            {formatDateTime(status?.latest?.ts ?? null, i18n.language, 'dateTimeSeconds')}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="charts-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="charts-heading" className="font-serif text-lg font-semibold">
            {t('telemetry.readings')}
          </h2>
          <CsvDownload deviceId={device.id} range={shownRange} />
        </div>
        <RangePicker key={JSON.stringify(range)} range={range} onChange={setRange} />
        <QueryState query={buckets}>
          {(data) => (
            <div className={`space-y-4 ${buckets.isPlaceholderData ? 'opacity-60' : ''}`} data-width={data.width}>
              <p className="text-xs text-sumi-600">
                {t('telemetry.rangeCaption', {
                  from: formatDateTime(data.from, i18n.language),
                  to: formatDateTime(data.to, i18n.language),
                  width: t(`telemetry.width.${data.width}`),
                })}
              </p>
              <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
                <figure className="rounded-lg border border-washi-300 bg-white p-3">
                  <figcaption className="mb-2 text-sm font-medium">{t('telemetry.temperatureChart')}</figcaption>
                  <ReadingsChart
                    buckets={data.buckets}
                    metric="temperature"
                    unit="°C"
                    thresholds={ruleThresholds(rules, 'temperature', t)}
                  />
                </figure>
                <figure className="rounded-lg border border-washi-300 bg-white p-3">
                  <figcaption className="mb-2 text-sm font-medium">{t('telemetry.humidityChart')}</figcaption>
                  <ReadingsChart
                    buckets={data.buckets}
                    metric="humidity"
                    unit="%RH"
                    thresholds={ruleThresholds(rules, 'humidity', t)}
                  />
                </figure>
              </Suspense>
              <p className="text-xs text-sumi-600">{t('telemetry.gapsNote')}</p>
            </div>
          )}
        </QueryState>
      </section>

      <AlertRulesPanel deviceId={device.id} />
      <AlertHistory deviceId={device.id} />

      <DeviceKeysPanel device={device} />
    </div>
  );
}
