import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '@/components/data-table';
import { formatDateTime } from '@/lib/format/date-time';
import { type DeviceStatus, deviceName } from '../api/get-devices';
import { DeviceStatePill } from './device-state';
import { TemperatureSparkline } from './sparkline';

/** `alerts` draws a device's raised alerts beside its state (the route passes the alerts feature's badge). */
export function DevicesTable({
  devices,
  alerts,
}: {
  devices: readonly DeviceStatus[];
  alerts?: (device: DeviceStatus) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const columns: Column<DeviceStatus>[] = [
    {
      id: 'name',
      header: t('telemetry.device'),
      rowHeader: true,
      cell: (device) => (
        <Link to={`/admin/telemetry/${device.id}`} className="text-ai-700 underline">
          {deviceName(device, i18n.language)}
        </Link>
      ),
    },
    { id: 'location', header: t('telemetry.location'), cell: (device) => device.location },
    {
      id: 'state',
      header: t('telemetry.stateHeader'),
      cell: (device) => (
        <span className="flex flex-wrap items-center gap-1">
          <DeviceStatePill state={device.state} />
          {alerts?.(device)}
        </span>
      ),
    },
    {
      id: 'temperature',
      header: t('telemetry.temperature'),
      className: 'text-right tabular-nums',
      cell: (device) => (device.latest ? `${device.latest.temperature.toFixed(1)} °C` : '—'),
    },
    {
      id: 'humidity',
      header: t('telemetry.humidity'),
      className: 'text-right tabular-nums',
      cell: (device) => (device.latest ? `${device.latest.humidity.toFixed(0)} %` : '—'),
    },
    {
      id: 'trend',
      header: t('telemetry.last24h'),
      cell: (device) => (
        <TemperatureSparkline deviceId={device.id} reportingIntervalSeconds={device.reportingIntervalSeconds} />
      ),
    },
    {
      id: 'latest',
      header: t('telemetry.lastReading'),
      className: 'text-sumi-600 whitespace-nowrap',
      cell: (device) => formatDateTime(device.latest?.ts ?? null, i18n.language, 'dateTimeSeconds'),
    },
  ];
  return (
    <DataTable
      caption={t('telemetry.title')}
      columns={columns}
      rows={devices}
      rowKey={(device) => device.id}
      empty={t('telemetry.empty')}
      rowClassName="device-row"
    />
  );
}
