import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/data-table';
import { formatDateTime } from '@/lib/format/date-time';
import type { StockMovement } from '../api/get-stock-item';

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function MovementsTable({ movements }: { movements: readonly StockMovement[] }) {
  const { t, i18n } = useTranslation();
  const columns: Column<StockMovement>[] = [
    {
      id: 'at',
      header: t('stock.movements.at'),
      className: 'whitespace-nowrap text-sumi-600',
      cell: (m) => <time dateTime={m.at}>{formatDateTime(m.at, i18n.language, 'dateTimeSeconds')}</time>,
    },
    { id: 'reason', header: t('stock.movements.reason'), cell: (m) => t(`stock.reasons.${m.reason}`) },
    {
      id: 'onHand',
      header: t('stock.movements.deltaOnHand'),
      className: 'text-right tabular-nums',
      cell: (m) => (m.deltaOnHand === 0 ? '' : signed(m.deltaOnHand)),
    },
    {
      id: 'reserved',
      header: t('stock.movements.deltaReserved'),
      className: 'text-right tabular-nums',
      cell: (m) => (m.deltaReserved === 0 ? '' : signed(m.deltaReserved)),
    },
    {
      id: 'after',
      header: t('stock.movements.after'),
      className: 'text-right tabular-nums whitespace-nowrap',
      cell: (m) =>
        t('stock.movements.afterValue', { onHand: m.onHandAfter, available: m.onHandAfter - m.reservedAfter }),
    },
    { id: 'note', header: t('stock.movements.note'), cell: (m) => m.note },
    {
      id: 'who',
      header: t('stock.movements.who'),
      className: 'font-mono text-xs',
      cell: (m) =>
        m.actorId
          ? m.actorId.slice(0, 8)
          : m.orderId
            ? t('stock.movements.order', { id: m.orderId.slice(0, 8) })
            : t('stock.movements.system'),
    },
  ];
  return (
    <DataTable
      caption={t('stock.movements.title')}
      columns={columns}
      rows={movements}
      rowKey={(m) => m.id}
      empty={t('stock.movements.empty')}
      rowClassName="stock-movement"
    />
  );
}
