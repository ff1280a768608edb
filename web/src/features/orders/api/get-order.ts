import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { orderRefetchInterval } from '../order-states';

export type Order = Schemas['Order'];

export async function getOrder(id: string, signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/orders/{id}', { params: { path: { id } }, signal }));
}

export function orderQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.orders.detail(id),
    queryFn: ({ signal }) => getOrder(id, signal),
    staleTime: 0,
    // live status: every second while stock is reserved, slower while staff may still move it, then never
    refetchInterval: (query) => orderRefetchInterval(query.state.data?.state),
    refetchIntervalInBackground: false,
  });
}

export function useOrder(id: string) {
  return useQuery(orderQueryOptions(id));
}
