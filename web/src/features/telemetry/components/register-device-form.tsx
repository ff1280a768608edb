import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField, TextField } from '@/components/field';
import { fieldErrors } from '@/lib/api/error-messages';
import { type DeviceKind, deviceKinds, deviceName } from '../api/get-devices';
import { useRegisterDevice } from '../api/register-device';
import { IssuedKey } from './issued-key';

const fields = ['nameJa', 'nameEn', 'location', 'kind', 'reportingIntervalSeconds'];

/** Registers a sensor; its key is shown here once. */
export function RegisterDeviceForm() {
  const { t, i18n } = useTranslation();
  const register = useRegisterDevice();
  const [nameJa, setNameJa] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [location, setLocation] = useState('');
  const [kind, setKind] = useState<DeviceKind | ''>('');
  const [interval, setInterval] = useState('60');
  const [kindMissing, setKindMissing] = useState(false);
  const errors = fieldErrors(register.error, t, { fields });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!kind) {
      setKindMissing(true);
      return;
    }
    setKindMissing(false);
    register.mutate(
      { nameJa, nameEn, location, kind, reportingIntervalSeconds: Number(interval) },
      {
        onSuccess: () => {
          setNameJa('');
          setNameEn('');
          setLocation('');
          setKind('');
          setInterval('60');
        },
      },
    );
  }

  const created = register.data;
  return (
    <section aria-labelledby="register-device-heading" className="rounded-lg border border-washi-300 bg-white p-4">
      <h2 id="register-device-heading" className="font-serif text-lg font-semibold">
        {t('telemetry.register.title')}
      </h2>
      <form onSubmit={submit} className="mt-3 grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('telemetry.register.nameJa')}
          required
          maxLength={100}
          value={nameJa}
          onChange={setNameJa}
          error={errors.nameJa}
        />
        <TextField
          label={t('telemetry.register.nameEn')}
          required
          maxLength={100}
          value={nameEn}
          onChange={setNameEn}
          error={errors.nameEn}
        />
        <TextField
          label={t('telemetry.location')}
          hint={t('telemetry.register.locationHint')}
          required
          maxLength={200}
          value={location}
          onChange={setLocation}
          error={errors.location}
        />
        <SelectField
          label={t('telemetry.kind')}
          value={kind}
          placeholder={t('telemetry.register.chooseKind')}
          options={deviceKinds.map((k) => ({ value: k, label: t(`telemetry.kinds.${k}`) }))}
          onChange={setKind}
          error={kindMissing ? t('telemetry.register.kindRequired') : errors.kind}
        />
        <TextField
          label={t('telemetry.register.interval')}
          hint={t('telemetry.register.intervalHint')}
          required
          inputMode="numeric"
          value={interval}
          onChange={setInterval}
          error={errors.reportingIntervalSeconds}
          className="w-32 text-right tabular-nums"
        />
        <div className="flex items-end">
          <button type="submit" className="btn-primary" disabled={register.isPending}>
            {t('telemetry.register.submit')}
          </button>
        </div>
      </form>
      {errors._form && (
        <p role="alert" className="mt-2 text-sm text-shu-700">
          {errors._form}
        </p>
      )}
      {created && (
        <div className="mt-3 space-y-2">
          <IssuedKey
            secret={created.key}
            message={t('telemetry.register.done', { name: deviceName(created.device, i18n.language) })}
          />
          <p className="text-sm">
            <Link to={`/admin/telemetry/${created.device.id}`} className="text-ai-700 underline">
              {t('telemetry.register.openDevice')}
            </Link>
          </p>
        </div>
      )}
    </section>
  );
}
