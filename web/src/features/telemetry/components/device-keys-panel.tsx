import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/data-table';
import { errorMessage } from '@/lib/api/error-messages';
import { formatDateTime } from '@/lib/format/date-time';
import { useChangeDevice } from '../api/change-device';
import { useRevokeDeviceKeys, useRotateDeviceKey } from '../api/device-keys';
import type { DeviceDetail, DeviceKeyInfo } from '../api/get-device';
import { IssuedKey } from './issued-key';

const graceChoices = [0, 3600, 86_400] as const;

/**
 * The device's keys and switch: rotate (the new key shown once, the old ones
 * working for a grace period), revoke every key at once, disable or enable.
 */
export function DeviceKeysPanel({ device }: { device: DeviceDetail }) {
  const { t, i18n } = useTranslation();
  const rotate = useRotateDeviceKey();
  const revoke = useRevokeDeviceKeys();
  const change = useChangeDevice();
  const [grace, setGrace] = useState<number>(3600);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const graceId = useId();
  const now = Date.now();

  const keyState = (key: DeviceKeyInfo) => {
    if (key.revokedAt) return t('telemetry.keys.revokedAt', { at: formatDateTime(key.revokedAt, i18n.language) });
    if (key.expiresAt && Date.parse(key.expiresAt) <= now)
      return t('telemetry.keys.expiredAt', { at: formatDateTime(key.expiresAt, i18n.language) });
    if (key.expiresAt) return t('telemetry.keys.expiresAt', { at: formatDateTime(key.expiresAt, i18n.language) });
    return t('telemetry.keys.live');
  };
  const columns: Column<DeviceKeyInfo>[] = [
    {
      id: 'prefix',
      header: t('admin.tokens.prefix'),
      rowHeader: true,
      className: 'font-mono text-xs',
      cell: (k) => `${k.prefix}…`,
    },
    {
      id: 'created',
      header: t('admin.tokens.createdAt'),
      className: 'text-sumi-600',
      cell: (k) => formatDateTime(k.createdAt, i18n.language),
    },
    { id: 'state', header: t('telemetry.stateHeader'), cell: keyState },
  ];
  const failure = rotate.error ?? revoke.error ?? change.error;

  return (
    <section aria-labelledby="device-admin-heading" className="space-y-3">
      <h2 id="device-admin-heading" className="font-serif text-lg font-semibold">
        {t('telemetry.keys.title')}
      </h2>
      <p className="text-sm text-sumi-700">{t('telemetry.keys.lead')}</p>
      <DataTable
        caption={t('telemetry.keys.title')}
        columns={columns}
        rows={device.keys}
        rowKey={(k) => k.id}
        empty={t('telemetry.keys.none')}
        rowClassName="device-key-row"
      />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor={graceId} className="text-sm font-medium">
            {t('telemetry.keys.grace')}
          </label>
          <select
            id={graceId}
            value={grace}
            onChange={(e) => setGrace(Number(e.target.value))}
            className="rounded border border-washi-300 bg-white px-2 py-1.5"
          >
            {graceChoices.map((seconds) => (
              <option key={seconds} value={seconds}>
                {t(`telemetry.keys.graceChoice.${seconds}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn-primary"
          disabled={rotate.isPending}
          onClick={() => {
            revoke.reset();
            rotate.mutate({ id: device.id, graceSeconds: grace });
          }}
        >
          {device.keys.length === 0 ? t('telemetry.keys.issue') : t('telemetry.keys.rotate')}
        </button>
        {confirmRevoke ? (
          <span className="flex flex-wrap items-center gap-2 text-sm">
            <span>{t('telemetry.keys.confirmRevoke')}</span>
            <button
              type="button"
              className="rounded bg-shu-600 px-3 py-1 text-white hover:bg-shu-700"
              onClick={() => {
                setConfirmRevoke(false);
                rotate.reset();
                revoke.mutate(device.id);
              }}
            >
              {t('telemetry.keys.revokeConfirm')}
            </button>
            <button type="button" className="btn-secondary px-3 py-1" onClick={() => setConfirmRevoke(false)}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="btn-secondary" onClick={() => setConfirmRevoke(true)}>
            {t('telemetry.keys.revoke')}
          </button>
        )}
        <button
          type="button"
          className="btn-secondary"
          disabled={change.isPending}
          onClick={() => change.mutate({ id: device.id, patch: { enabled: !device.enabled } })}
        >
          {device.enabled ? t('telemetry.keys.disable') : t('telemetry.keys.enable')}
        </button>
      </div>
      {rotate.data && (
        <IssuedKey
          secret={rotate.data.key}
          message={t('telemetry.keys.rotated', { prefix: rotate.data.keyInfo.prefix })}
        />
      )}
      {revoke.data && (
        <p role="status" className="text-sm text-matsu-800">
          {t('telemetry.keys.revokedCount', { count: revoke.data.revoked })}
        </p>
      )}
      {failure && (
        <p role="alert" className="text-sm text-shu-700">
          {errorMessage(failure, t)}
        </p>
      )}
    </section>
  );
}
