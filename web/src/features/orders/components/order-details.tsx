import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/data-table';
import { TaxTotals } from '@/components/tax-totals';
import { formatAddress } from '@/lib/format/address';
import { formatDateTime } from '@/lib/format/date-time';
import { formatYen } from '@/lib/format/price';
import type { Order } from '../api/get-order';
import { deliverySlotLabels } from '../checkout-options';
import type { OrderState } from '../order-states';
import { stateReasonText } from '../state-reason';
import { CancelOrder } from './cancel-order';
import { orderNumber } from './order-number';
import { OrderStateBadge } from './order-state-badge';

type OrderLine = Order['lines'][number];

/**
 * Announces a change of state seen while the page is open (the page polls),
 * not the state it opened with: screen readers hear "the order is now confirmed".
 */
function useStateAnnouncement(state: OrderState): string {
  const { t } = useTranslation();
  const previous = useRef(state);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (previous.current === state) return;
    previous.current = state;
    setMessage(t('orders.stateChanged', { state: t(`orders.states.${state}`) }));
  }, [state, t]);
  return message;
}

/**
 * An order as its customer sees it. The back office shows the same page with
 * its own `actions` (ship, deliver, cancel) instead of the customer's cancel,
 * and more below (`children`: the customer and the history).
 */
export function OrderDetails({
  order,
  actions,
  audience = 'customer',
  children,
}: {
  order: Order;
  actions?: ReactNode;
  /** Whom the state's note speaks to: the customer ("your order is confirmed") or staff ("pack it"). */
  audience?: 'customer' | 'staff';
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const announcement = useStateAnnouncement(order.state);
  const reason = stateReasonText(order.stateReason, t, language);
  const address = order.shippingAddress;
  const columns: Column<OrderLine>[] = [
    {
      id: 'product',
      header: t('orders.product'),
      rowHeader: true,
      cell: (line) => (
        <span className="product-name">{(language === 'en' ? line.nameEn : line.nameJa) || line.nameJa}</span>
      ),
    },
    { id: 'sku', header: t('product.sku'), className: 'font-mono text-xs', cell: (line) => line.sku },
    {
      id: 'unitPrice',
      header: t('orders.unitPrice'),
      className: 'text-right tabular-nums',
      cell: (line) => formatYen(line.unitPrice),
    },
    {
      id: 'quantity',
      header: t('orders.quantity'),
      className: 'text-right tabular-nums',
      cell: (line) => line.quantity,
    },
    {
      id: 'amount',
      header: t('orders.amount'),
      className: 'text-right tabular-nums',
      cell: (line) => formatYen(line.amount),
    },
  ];

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-2xl font-semibold">{t('orders.detailTitle', { number: orderNumber(order) })}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm text-sumi-700">{t('orders.state')}:</span>
          <span data-testid="order-state">
            <OrderStateBadge state={order.state} />
          </span>
        </div>
        <p className="text-sm text-sumi-800" data-testid="state-note">
          {t(audience === 'staff' ? `staffOrders.stateNotes.${order.state}` : `orders.stateNotes.${order.state}`)}
        </p>
        {reason && <p className="text-sm text-sumi-700">{t('orders.reason', { reason })}</p>}
        <p role="status" aria-live="polite" className="text-sm font-medium text-matsu-800">
          {announcement}
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-sumi-600">{t('orders.placedAt')}</dt>
          <dd>{formatDateTime(order.createdAt, language)}</dd>
          <dt className="text-sumi-600">{t('orders.updatedAt')}</dt>
          <dd>{formatDateTime(order.updatedAt, language)}</dd>
        </dl>
        {actions ?? <CancelOrder orderId={order.id} state={order.state} />}
      </header>

      <section className="space-y-3">
        <h2 className="font-serif text-lg font-semibold">{t('orders.lines')}</h2>
        <DataTable
          caption={t('orders.lines')}
          columns={columns}
          rows={order.lines}
          rowKey={(line) => line.productId}
          empty={t('orders.empty')}
        />
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <div className="space-y-6">
          <section className="rounded-lg border border-washi-300 bg-white p-4">
            <h2 className="font-serif text-lg font-semibold">{t('orders.address')}</h2>
            <address className="mt-2 text-sm not-italic leading-relaxed">
              {formatAddress(address, language).map((line, i) => (
                <span key={i} className="block">
                  {line}
                </span>
              ))}
            </address>
          </section>
          <section className="rounded-lg border border-washi-300 bg-white p-4">
            <h2 className="font-serif text-lg font-semibold">{t('orders.delivery')}</h2>
            <p className="mt-2 text-sm">
              {formatDateTime(`${order.delivery.date}T12:00:00+09:00`, language, 'date')}{' '}
              {t(deliverySlotLabels[order.delivery.slot])}
            </p>
            <h2 className="mt-4 font-serif text-lg font-semibold">{t('orders.payment')}</h2>
            <p className="mt-2 text-sm">{t('checkout.cashOnDelivery')}</p>
          </section>
        </div>
        <TaxTotals totals={order} />
      </div>
      {children}
    </article>
  );
}
