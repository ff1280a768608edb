import type { TFunction } from 'i18next';
import type { OpsAlarm } from './alarms-api';

export type OpsAlarmCause = OpsAlarm['cause'];

/** Why an alarm is in its state, in the reader's language, from the evaluation's cause. */
export function alarmReason(
  t: TFunction,
  alarm: Pick<OpsAlarm, 'datapointsToAlarm' | 'missingData'>,
  cause: OpsAlarmCause,
): string {
  const base = t(`ops.alarms.reasons.${cause.code}`, { ...cause, m: alarm.datapointsToAlarm });
  const missing =
    'missing' in cause && cause.missing > 0
      ? t('ops.alarms.reasons.missing', {
          missing: cause.missing,
          treatment: t(`ops.alarms.treatments.${alarm.missingData}`),
        })
      : '';
  const kept = 'kept' in cause && cause.kept ? t('ops.alarms.reasons.kept') : '';
  return `${base}${missing}${kept}`;
}
