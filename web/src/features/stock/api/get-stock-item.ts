import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type StockDetail = Schemas['StockDetail'];
export type StockMovement = Schemas['StockMovement'];

export async function getStockItem(sku: string, signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/staff/stock/{sku}', { params: { path: { sku } }, signal }));
}

export function stockItemQueryOptions(sku: string) {
  return queryOptions({
    queryKey: queryKeys.stock.item(sku),
    queryFn: ({ signal }) => getStockItem(sku, signal),
    staleTime: 0,
  });
}

export function useStockItem(sku: string) {
  return useQuery(stockItemQueryOptions(sku));
}

/** Older movements than the detail's newest ones, a page at a time. */
export function useOlderMovements(sku: string, cursor: string | null) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: queryKeys.stock.movements(sku, cursor),
      queryFn: async ({ pageParam, signal }) =>
        unwrap(
          await apiClient.GET('/api/staff/stock/{sku}/movements', {
            params: { path: { sku }, query: { cursor: pageParam, limit: 50 } },
            signal,
          }),
        ),
      initialPageParam: cursor ?? '',
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      enabled: false,
    }),
  );
}
