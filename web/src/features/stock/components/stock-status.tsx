import { useTranslation } from 'react-i18next';
import { availabilityTone, StatusPill } from '@/components/status-pill';
import type { StockItem } from '../api/get-stock-list';

export function StockStatus({ status }: { status: StockItem['status'] }) {
  const { t } = useTranslation();
  return <StatusPill tone={availabilityTone[status]}>{t(`stock.status.${status}`)}</StatusPill>;
}
