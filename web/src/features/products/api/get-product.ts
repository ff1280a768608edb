import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export async function getProduct(idOrSlug: string, signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/products/{idOrSlug}', { params: { path: { idOrSlug } }, signal }));
}

export function productQueryOptions(idOrSlug: string) {
  return queryOptions({
    queryKey: queryKeys.products.detail(idOrSlug),
    queryFn: ({ signal }) => getProduct(idOrSlug, signal),
  });
}

export function useProduct(idOrSlug: string) {
  return useQuery(productQueryOptions(idOrSlug));
}
