import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Pager } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { useStaffOrders } from '@/features/orders/api/staff-orders';
import { StaffOrdersTable } from '@/features/orders/components/orders-table';
import {
  parseStaffOrderFilters,
  StaffOrderFilters,
  serializeStaffOrderFilters,
} from '@/features/orders/components/staff-order-filters';
import { useCursorPages } from '@/hooks/use-cursor-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** /admin/orders: every customer's orders, newest first, by state or searched. */
export function AdminOrdersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('staffOrders.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseStaffOrderFilters(searchParams), [searchParams]);
  const filterKey = searchParams.toString();
  const pages = useCursorPages(filterKey);
  const { cursor } = pages;
  const orders = useStaffOrders({ ...filters, ...(cursor ? { cursor } : {}) });

  return (
    <div className="space-y-4">
      <h1 className="font-serif text-2xl font-semibold">{t('staffOrders.title')}</h1>
      <p className="text-sm text-sumi-700">{t('staffOrders.lead')}</p>
      <StaffOrderFilters
        key={filterKey}
        filters={filters}
        counts={orders.data?.counts}
        onChange={(next) => setSearchParams(serializeStaffOrderFilters(next), { flushSync: true })}
      />
      <QueryState query={orders}>
        {(data) => (
          <div className={orders.isPlaceholderData ? 'opacity-60' : undefined}>
            <StaffOrdersTable orders={data.items} />
          </div>
        )}
      </QueryState>
      <Pager pages={pages} nextCursor={orders.data?.nextCursor} loading={orders.isPlaceholderData} />
    </div>
  );
}
