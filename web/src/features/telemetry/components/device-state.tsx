import { useTranslation } from 'react-i18next';
import { StatusPill, type StatusTone } from '@/components/status-pill';
import type { DeviceState } from '../api/get-devices';

/** Reporting is fine; silent asks someone to look; never reported and disabled need nothing now. */
const tone: Record<DeviceState, StatusTone> = {
  reporting: 'good',
  silent: 'attention',
  never_reported: 'outline',
  disabled: 'calm',
};

export function DeviceStatePill({ state }: { state: DeviceState }) {
  const { t } = useTranslation();
  return (
    <StatusPill tone={tone[state]} data-state={state}>
      {t(`telemetry.state.${state}`)}
    </StatusPill>
  );
}
