import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useOrder } from '@/features/orders/api/get-order';
import { OrderDetails } from '@/features/orders/components/order-details';
import { OrderPage } from '@/features/orders/components/order-page';

/** /orders/:id: one of the user's orders, its state kept live while it can change. */
export function OrderRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);
  return (
    <OrderPage order={order} back={{ to: '/orders', label: t('orders.backToOrders') }}>
      {(data) => <OrderDetails order={data} />}
    </OrderPage>
  );
}
