import { useTranslation } from 'react-i18next';
import type { OrderState } from '../order-states';

const tone: Record<OrderState, string> = {
  pending: 'bg-kohaku-100 text-kohaku-900 ring-kohaku-700/40',
  confirmed: 'bg-matsu-100 text-matsu-800 ring-matsu-700/30',
  shipped: 'bg-matsu-100 text-matsu-800 ring-matsu-700/30',
  delivered: 'bg-washi-100 text-sumi-800 ring-sumi-500/40',
  rejected: 'bg-white text-shu-700 ring-shu-600/50',
  cancelled: 'bg-sumi-100 text-sumi-700 ring-sumi-500/40',
};

export function OrderStateBadge({ state }: { state: OrderState }) {
  const { t } = useTranslation();
  return (
    <span
      data-state={state}
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone[state]}`}
    >
      {t(`orders.states.${state}`)}
    </span>
  );
}
