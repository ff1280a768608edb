import { useTranslation } from 'react-i18next';
import { Pager } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { useOrders } from '@/features/orders/api/get-orders';
import { CustomerOrdersTable } from '@/features/orders/components/orders-table';
import { useCursorPages } from '@/hooks/use-cursor-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /orders: the signed-in user's orders, newest first. */
export function OrdersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('orders.title'));
  const pages = useCursorPages('orders');
  const orders = useOrders(pages.cursor);
  return (
    <div className="space-y-4">
      <h1 className="font-serif text-2xl font-semibold">{t('orders.title')}</h1>
      <QueryState query={orders}>
        {(data) => (
          <div className={orders.isPlaceholderData ? 'opacity-60' : undefined}>
            <CustomerOrdersTable orders={data.items} />
          </div>
        )}
      </QueryState>
      {(pages.page > 1 || orders.data?.nextCursor) && (
        <Pager pages={pages} nextCursor={orders.data?.nextCursor} loading={orders.isPlaceholderData} />
      )}
    </div>
  );
}
