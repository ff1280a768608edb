import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '@/components/query-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import type { Order } from '../api/get-order';
import { orderNumber } from './order-number';

type OrderQuery<O extends Order> = {
  data: O | undefined;
  error: unknown;
  isError: boolean;
  isFetching: boolean;
  refetch: () => unknown;
};

/**
 * One order's page, for its customer (/orders/:id) and for staff
 * (/admin/orders/:id): the title, the way back to the list, and the shared
 * loading / not-found / error states; `children` shows the order.
 */
export function OrderPage<O extends Order>({
  order,
  back,
  children,
}: {
  order: OrderQuery<O>;
  back: { to: string; label: string };
  children: (order: O) => ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(order.data ? t('orders.detailTitle', { number: orderNumber(order.data) }) : undefined);
  return (
    <QueryState
      query={order}
      notFound={{
        title: t('orders.notFoundTitle'),
        body: t('orders.notFoundBody'),
        linkTo: back.to,
        linkLabel: back.label,
      }}
    >
      {(data) => (
        <div className="space-y-6">
          <Link to={back.to} className="text-sm underline underline-offset-4">
            {back.label}
          </Link>
          {children(data)}
        </div>
      )}
    </QueryState>
  );
}
