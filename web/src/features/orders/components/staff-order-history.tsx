import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/data-table';
import { formatDateTime } from '@/lib/format/date-time';
import type { StaffOrder } from '../api/staff-orders';
import { stateReasonText } from '../state-reason';

type OrderEvent = StaffOrder['history'][number];

/** The customer, and every state the order has been in: when, who (the system for stock's verdict), why. */
export function StaffOrderHistory({ order }: { order: StaffOrder }) {
  const { t, i18n } = useTranslation();
  const address = order.shippingAddress;
  const state = (s: OrderEvent['toState'] | null) => (s ? t(`orders.states.${s}`) : '—');
  const columns: Column<OrderEvent>[] = [
    { id: 'at', header: t('staffOrders.at'), rowHeader: true, cell: (e) => formatDateTime(e.at, i18n.language) },
    { id: 'change', header: t('staffOrders.change'), cell: (e) => `${state(e.fromState)} → ${state(e.toState)}` },
    { id: 'actor', header: t('staffOrders.actor'), cell: (e) => e.actorEmail ?? t('staffOrders.system') },
    { id: 'reason', header: t('staffOrders.reason'), cell: (e) => stateReasonText(e.reason, t, i18n.language) ?? '' },
  ];
  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-washi-300 bg-white p-4" aria-labelledby="staff-order-customer">
        <h2 id="staff-order-customer" className="font-serif text-lg font-semibold">
          {t('staffOrders.customer')}
        </h2>
        {/* Whom to call or write to about this order: the name and phone given at checkout, the account's email (the address is above). */}
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-sumi-600">{t('staffOrders.customerName')}</dt>
          <dd data-testid="customer-name">{address.name}</dd>
          <dt className="text-sumi-600">{t('staffOrders.customerPhone')}</dt>
          <dd>
            <a href={`tel:${address.phone}`} className="text-ai-800 underline" data-testid="customer-phone">
              {address.phone}
            </a>
          </dd>
          <dt className="text-sumi-600">{t('staffOrders.customerEmail')}</dt>
          <dd data-testid="customer-email">
            {order.customer.email ? (
              <a href={`mailto:${order.customer.email}`} className="text-ai-800 underline">
                {order.customer.email}
              </a>
            ) : (
              '—'
            )}
          </dd>
        </dl>
      </section>
      <section className="space-y-3">
        <h2 className="font-serif text-lg font-semibold">{t('staffOrders.history')}</h2>
        <DataTable
          caption={t('staffOrders.history')}
          columns={columns}
          rows={order.history}
          rowKey={(e) => `${e.at}-${e.toState}`}
          empty="—"
        />
      </section>
    </div>
  );
}
