import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type ServiceToken = Schemas['ServiceToken'];
export type TokenScope = ServiceToken['scopes'][number];
/**
 * Each scope lets a token read one part of the back office, and nothing else (docs/decisions/0013);
 * otlp:write lets Kura's other local processes send their spans and metrics to the operations console.
 */
export const tokenScopes: readonly TokenScope[] = ['catalog:read', 'stock:read', 'orders:read', 'otlp:write'];

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
