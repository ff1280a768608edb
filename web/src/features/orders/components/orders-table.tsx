import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Column, DataTable } from '@/components/data-table';
import { formatDateTime } from '@/lib/format/date-time';
import { formatYen } from '@/lib/format/price';
import type { OrderSummary } from '../api/get-orders';
import type { StaffOrderSummary } from '../api/staff-orders';
import { deliverySlotLabels } from '../checkout-options';
import { orderNumber } from './order-number';
import { OrderStateBadge } from './order-state-badge';

type OrdersTableProps<Row extends OrderSummary> = {
  orders: readonly Row[];
  /** The order's own page: the customer's or the back office's. */
  hrefOf: (order: Row) => string;
  caption: string;
  empty: string;
  rowClassName: string;
  /** The back office adds who ordered. */
  customerOf?: (order: Row) => string | null;
};

/** A list of orders, newest first: the customer's history and the back office's list are this one table. */
function OrdersTable<Row extends OrderSummary>({
  orders,
  hrefOf,
  caption,
  empty,
  rowClassName,
  customerOf,
}: OrdersTableProps<Row>) {
  const { t, i18n } = useTranslation();
  const columns: Column<Row>[] = [
    {
      id: 'number',
      header: t('orders.number'),
      rowHeader: true,
      cell: (order) => (
        <Link to={hrefOf(order)} className="font-mono underline underline-offset-4">
          {orderNumber(order)}
        </Link>
      ),
    },
    { id: 'placed', header: t('orders.placedAt'), cell: (order) => formatDateTime(order.createdAt, i18n.language) },
    ...(customerOf
      ? [
          {
            id: 'customer',
            header: t('staffOrders.customer'),
            cell: (order: Row) => customerOf(order) ?? <span className="text-sumi-500">—</span>,
          },
        ]
      : []),
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
      caption={caption}
      columns={columns}
      rows={orders}
      rowKey={(order) => order.id}
      rowClassName={rowClassName}
      empty={empty}
    />
  );
}

/** The signed-in customer's orders. */
export function CustomerOrdersTable({ orders }: { orders: readonly OrderSummary[] }) {
  const { t } = useTranslation();
  return (
    <OrdersTable
      orders={orders}
      hrefOf={(order) => `/orders/${order.id}`}
      caption={t('orders.caption')}
      empty={t('orders.empty')}
      rowClassName="order-row"
    />
  );
}

/** Every customer's orders, in the back office. */
export function StaffOrdersTable({ orders }: { orders: readonly StaffOrderSummary[] }) {
  const { t } = useTranslation();
  return (
    <OrdersTable
      orders={orders}
      hrefOf={(order) => `/admin/orders/${order.id}`}
      caption={t('staffOrders.caption')}
      empty={t('staffOrders.empty')}
      rowClassName="staff-order-row"
      customerOf={(order) => order.customerEmail}
    />
  );
}
