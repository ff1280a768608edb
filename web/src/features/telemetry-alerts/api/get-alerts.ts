import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type Alert = Schemas['Alert'];

const pageSize = 20;
/** An alert raises or clears with the next reading: the history refreshes like the charts. */
const liveRefreshMs = 15_000;

export async function getAlerts(deviceId: string, cursor: string | null, signal?: AbortSignal) {
  return unwrap(
    await apiClient.GET('/api/telemetry/devices/{id}/alerts', {
      params: { path: { id: deviceId }, query: { limit: pageSize, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

/** Newest first; "more" follows the keyset cursor. */
export function alertsQueryOptions(deviceId: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.telemetryAlerts.history(deviceId),
    queryFn: ({ pageParam, signal }) => getAlerts(deviceId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: liveRefreshMs,
    staleTime: 5_000,
  });
}

export function useAlerts(deviceId: string) {
  return useInfiniteQuery(alertsQueryOptions(deviceId));
}
