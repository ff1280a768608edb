import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type AuditEntry = Schemas['AuditEntry'];

export async function getAuditLog(cursor: string | null, signal?: AbortSignal) {
  return unwrap(
    await apiClient.GET('/api/admin/audit-log', {
      params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

/** Newest first; "load more" follows the cursor. */
export function auditLogQueryOptions() {
  return infiniteQueryOptions({
    queryKey: queryKeys.auditLog.all,
    queryFn: ({ pageParam, signal }) => getAuditLog(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}

export function useAuditLog() {
  return useInfiniteQuery(auditLogQueryOptions());
}
