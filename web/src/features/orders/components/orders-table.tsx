import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '@/components/data-table';
import { formatDateTime } from '@/lib/format/date-time';
import { formatYen } from '@/lib/format/price';
import type { OrderSummary } from '../api/get-orders';
import { deliverySlotLabels } from '../checkout-options';
import { orderNumber } from './order-number';
import { OrderStateBadge } from './order-state-badge';

export function OrdersTable({ orders }: { orders: readonly OrderSummary[] }) {
  const { t, i18n } = useTranslation();
  const columns: Column<OrderSummary>[] = [
    {
      id: 'number',
      header: t('orders.number'),
      rowHeader: true,
      cell: (order) => (
        <Link to={`/orders/${order.id}`} className="font-mono underline underline-offset-4">
          {orderNumber(order)}
        </Link>
      ),
    },
    { id: 'placed', header: t('orders.placedAt'), cell: (order) => formatDateTime(order.createdAt, i18n.language) },
    { id: 'state', header: t('orders.state'), cell: (order) => <OrderStateBadge state={order.state} /> },
    {
      id: 'items',
      header: t('orders.items'),
      className: 'tabular-nums',
      cell: (order) => t('orders.itemCount', { count: order.itemCount }),
    },
    {
      id: 'total',
      header: t('orders.total'),
      className: 'text-right tabular-nums',
      cell: (order) => formatYen(order.total),
    },
    {
      id: 'delivery',
      header: t('orders.delivery'),
      cell: (order) =>
        `${formatDateTime(`${order.delivery.date}T12:00:00+09:00`, i18n.language, 'date')} ${t(deliverySlotLabels[order.delivery.slot])}`,
    },
  ];
  return (
    <DataTable
      caption={t('orders.caption')}
      columns={columns}
      rows={orders}
      rowKey={(order) => order.id}
      rowClassName="order-row"
      empty={t('orders.empty')}
    />
  );
}
