import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useStaffOrder } from '@/features/orders/api/staff-orders';
import { OrderDetails } from '@/features/orders/components/order-details';
import { orderNumber } from '@/features/orders/components/order-number';
import { StaffOrderActions } from '@/features/orders/components/staff-order-actions';
import { StaffOrderHistory } from '@/features/orders/components/staff-order-history';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ApiError } from '@/lib/api/api-error';
import { NotFound } from './not-found';

/** /admin/orders/:id: the order as its customer sees it, with staff's actions, the customer and the history. */
export function AdminOrderRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useStaffOrder(id);
  useDocumentTitle(order.data ? t('orders.detailTitle', { number: orderNumber(order.data) }) : undefined);

  if (order.isPending) return <p role="status">{t('common.loading')}</p>;
  if (order.isError) {
    if (order.error instanceof ApiError && (order.error.isNotFound || order.error.status === 400)) {
      return (
        <NotFound
          title={t('orders.notFoundTitle')}
          body={t('orders.notFoundBody')}
          linkTo="/admin/orders"
          linkLabel={t('staffOrders.backToList')}
        />
      );
    }
    return <ErrorState error={order.error} onRetry={() => void order.refetch()} retrying={order.isFetching} />;
  }
  return (
    <div className="space-y-6">
      <Link to="/admin/orders" className="text-sm underline underline-offset-4">
        {t('staffOrders.backToList')}
      </Link>
      <OrderDetails order={order.data} actions={<StaffOrderActions order={order.data} />}>
        <StaffOrderHistory order={order.data} />
      </OrderDetails>
    </div>
  );
}
