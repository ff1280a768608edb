import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type StockItem = Schemas['StockItem'];
export type StockQuery = { q?: string; lowOnly?: boolean; cursor?: string };
export const stockPageSize = 25;

export async function getStockList(query: StockQuery, signal?: AbortSignal) {
  const { lowOnly, ...rest } = query;
  return unwrap(
    await apiClient.GET('/api/staff/stock', {
      params: { query: { ...rest, ...(lowOnly ? { lowOnly: 'true' as const } : {}), limit: stockPageSize } },
      signal,
    }),
  );
}

export function stockListQueryOptions(query: StockQuery) {
  return queryOptions({
    queryKey: queryKeys.stock.list(query),
    queryFn: ({ signal }) => getStockList(query, signal),
    staleTime: 5_000,
  });
}

export function useStockList(query: StockQuery) {
  return useQuery({ ...stockListQueryOptions(query), placeholderData: keepPreviousData });
}
