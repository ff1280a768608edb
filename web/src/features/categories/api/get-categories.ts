import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export async function getCategories(signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/categories', { signal }));
}

export function categoriesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.categories.all,
    queryFn: ({ signal }) => getCategories(signal),
    staleTime: 5 * 60_000, // categories change rarely
  });
}

export function useCategories() {
  return useQuery(categoriesQueryOptions());
}
