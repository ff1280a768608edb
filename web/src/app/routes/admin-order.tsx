import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useStaffOrder } from '@/features/orders/api/staff-orders';
import { OrderDetails } from '@/features/orders/components/order-details';
import { OrderPage } from '@/features/orders/components/order-page';
import { StaffOrderActions } from '@/features/orders/components/staff-order-actions';
import { StaffOrderHistory } from '@/features/orders/components/staff-order-history';

/** /admin/orders/:id: the order with notes for staff, their actions, the customer to contact and the history. */
export function AdminOrderRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useStaffOrder(id);
  return (
    <OrderPage order={order} back={{ to: '/admin/orders', label: t('staffOrders.backToList') }}>
      {(data) => (
        <OrderDetails order={data} audience="staff" actions={<StaffOrderActions order={data} />}>
          <StaffOrderHistory order={data} />
        </OrderDetails>
      )}
    </OrderPage>
  );
}
