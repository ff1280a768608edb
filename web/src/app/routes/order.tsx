import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useOrder } from '@/features/orders/api/get-order';
import { OrderDetails } from '@/features/orders/components/order-details';
import { orderNumber } from '@/features/orders/components/order-number';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api/api-error';
import { NotFound } from './not-found';

/** /orders/:id: one of the user's orders, its state kept live while it can change. */
export function OrderRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);
  useDocumentTitle(order.data ? t('orders.detailTitle', { number: orderNumber(order.data) }) : undefined);

  if (order.isPending) return <p role="status">{t('common.loading')}</p>;
  if (order.isError) {
    // another user's order, a mistyped id (400) and a missing one look the same
    if (order.error instanceof ApiError && (order.error.isNotFound || order.error.status === 400)) {
      return (
        <NotFound
          title={t('orders.notFoundTitle')}
          body={t('orders.notFoundBody')}
          linkTo="/orders"
          linkLabel={t('orders.backToOrders')}
        />
      );
    }
    return <ErrorState error={order.error} onRetry={() => void order.refetch()} retrying={order.isFetching} />;
  }
  return (
    <div className="space-y-6">
      <Link to="/orders" className="text-sm underline underline-offset-4">
        {t('orders.backToOrders')}
      </Link>
      <OrderDetails order={order.data} />
    </div>
  );
}
