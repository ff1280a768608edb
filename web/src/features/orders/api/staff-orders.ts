import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

/** The back office's side of orders: every customer's, with staff's ship / deliver / cancel. */

export type StaffOrder = Schemas['StaffOrder'];
export type StaffOrderSummary = Schemas['StaffOrderSummary'];
export type StaffOrderQuery = { state?: StaffOrder['state']; q?: string; cursor?: string };
export type StaffOrderAction = 'ship' | 'deliver' | 'cancel';
export const staffOrdersPageSize = 25;

export async function getStaffOrders(query: StaffOrderQuery, signal?: AbortSignal) {
  return unwrap(
    await apiClient.GET('/api/staff/orders', { params: { query: { ...query, limit: staffOrdersPageSize } }, signal }),
  );
}

export function useStaffOrders(query: StaffOrderQuery) {
  return useQuery({
    queryKey: queryKeys.staffOrders.list(query),
    queryFn: ({ signal }) => getStaffOrders(query, signal),
    staleTime: 5_000,
    placeholderData: keepPreviousData,
  });
}

export async function getStaffOrder(id: string, signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/staff/orders/{id}', { params: { path: { id } }, signal }));
}

export function staffOrderQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.staffOrders.detail(id),
    queryFn: ({ signal }) => getStaffOrder(id, signal),
  });
}

export function useStaffOrder(id: string) {
  return useQuery(staffOrderQueryOptions(id));
}

const actionPaths = {
  ship: '/api/staff/orders/{id}/ship',
  deliver: '/api/staff/orders/{id}/deliver',
  cancel: '/api/staff/orders/{id}/cancel',
} as const;

/** One transition, guarded by the version on screen: a change made elsewhere meanwhile answers 412. */
export async function changeStaffOrder(id: string, action: StaffOrderAction, version: number) {
  return unwrap(
    await apiClient.POST(actionPaths[action], {
      params: { path: { id }, header: { 'if-match': `"${version}"` } },
    }),
  );
}

export function useChangeStaffOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, version }: { action: StaffOrderAction; version: number }) =>
      changeStaffOrder(id, action, version),
    onSuccess: (order) => {
      queryClient.setQueryData(queryKeys.staffOrders.detail(id), order);
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffOrders.lists });
      void queryClient.invalidateQueries({ queryKey: queryKeys.orders.all });
    },
    // Refused (moved or changed meanwhile): show the order as it is now, the message stays.
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.staffOrders.detail(id) }),
  });
}
