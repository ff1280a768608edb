import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '@/components/data-table';
import type { StockItem } from '../api/get-stock-list';
import { StockStatus } from './stock-status';

export function StockTable({ items, caption }: { items: readonly StockItem[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const nameOf = (item: StockItem) => (i18n.language.startsWith('ja') ? item.nameJa : item.nameEn) ?? item.nameJa;
  const columns: Column<StockItem>[] = [
    {
      id: 'sku',
      header: t('stock.sku'),
      rowHeader: true,
      cell: (item) => (
        <Link to={`/admin/stock/${encodeURIComponent(item.sku)}`} className="font-mono text-ai-700 underline">
          {item.sku}
        </Link>
      ),
    },
    {
      id: 'name',
      header: t('stock.product'),
      cell: (item) => nameOf(item) ?? <span className="text-sumi-500">—</span>,
    },
    { id: 'onHand', header: t('stock.onHand'), className: 'text-right tabular-nums', cell: (item) => item.onHand },
    {
      id: 'reserved',
      header: t('stock.reserved'),
      className: 'text-right tabular-nums',
      cell: (item) => item.reserved,
    },
    {
      id: 'available',
      header: t('stock.available'),
      className: 'text-right tabular-nums font-semibold',
      cell: (item) => item.available,
    },
    {
      id: 'threshold',
      header: t('stock.threshold'),
      className: 'text-right tabular-nums',
      cell: (item) => item.lowStockThreshold,
    },
    { id: 'status', header: t('stock.statusHeader'), cell: (item) => <StockStatus status={item.status} /> },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={items}
      rowKey={(item) => item.sku}
      empty={t('stock.empty')}
      rowClassName="stock-row"
    />
  );
}
