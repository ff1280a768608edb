import { useTranslation } from 'react-i18next';
import type { StockItem } from '../api/get-stock-list';

const tone: Record<StockItem['status'], string> = {
  in_stock: 'bg-matsu-100 text-matsu-800 ring-matsu-700/30',
  low_stock: 'bg-kohaku-100 text-kohaku-900 ring-kohaku-700/40',
  sold_out: 'bg-sumi-100 text-sumi-700 ring-sumi-500/40',
};

export function StockStatus({ status }: { status: StockItem['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone[status]}`}>
      {t(`stock.status.${status}`)}
    </span>
  );
}
