import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { Pager } from '@/components/pager';
import { useOrders } from '@/features/orders/api/get-orders';
import { OrdersTable } from '@/features/orders/components/orders-table';
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
      {orders.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} retrying={orders.isFetching} />
      ) : (
        <div className={orders.isPlaceholderData ? 'opacity-60' : undefined}>
          <OrdersTable orders={orders.data.items} />
        </div>
      )}
      {(pages.page > 1 || orders.data?.nextCursor) && (
        <Pager pages={pages} nextCursor={orders.data?.nextCursor} loading={orders.isPlaceholderData} />
      )}
    </div>
  );
}
