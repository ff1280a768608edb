import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type ServiceToken = Schemas['ServiceToken'];
export type TokenScope = ServiceToken['scopes'][number];
/** Each scope lets a token read one part of the back office, and nothing else (docs/decisions/0013). */
export const tokenScopes: readonly TokenScope[] = ['catalog:read', 'stock:read', 'orders:read'];

export async function getServiceTokens(signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/admin/service-tokens', { signal }));
}

export function serviceTokensQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.serviceTokens.all,
    queryFn: ({ signal }) => getServiceTokens(signal),
    staleTime: 10_000,
  });
}

export function useServiceTokens() {
  return useQuery(serviceTokensQueryOptions());
}
