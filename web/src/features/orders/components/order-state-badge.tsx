import { useTranslation } from 'react-i18next';
import { StatusPill, type StatusTone } from '@/components/status-pill';
import type { OrderState } from '../order-states';

const tone: Record<OrderState, StatusTone> = {
  pending: 'attention',
  confirmed: 'good',
  shipped: 'good',
  delivered: 'neutral',
  rejected: 'failed',
  cancelled: 'calm',
};

export function OrderStateBadge({ state }: { state: OrderState }) {
  const { t } = useTranslation();
  return (
    <StatusPill tone={tone[state]} data-state={state}>
      {t(`orders.states.${state}`)}
    </StatusPill>
  );
}
