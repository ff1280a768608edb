import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { orderRefetchInterval } from '../order-states';

export type OrderSummary = Schemas['OrderSummary'];
export const ordersPageSize = 20;

export async function getOrders(cursor: string | undefined, signal?: AbortSignal) {
  return unwrap(
    await apiClient.GET('/api/orders', {
      params: { query: { limit: ordersPageSize, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function ordersQueryOptions(cursor: string | undefined) {
  return queryOptions({
    queryKey: queryKeys.orders.list(cursor ?? null),
    queryFn: ({ signal }) => getOrders(cursor, signal),
    staleTime: 0,
    // a pending order on the page turns confirmed or rejected within seconds
    refetchInterval: (query) =>
      query.state.data?.items.some((order) => orderRefetchInterval(order.state) === 1_000) ? 2_000 : false,
  });
}

/** The signed-in user's orders, newest first, a page at a time. */
export function useOrders(cursor: string | undefined) {
  return useQuery({ ...ordersQueryOptions(cursor), placeholderData: keepPreviousData });
}
