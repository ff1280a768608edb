import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

/** Rules change where the evaluation stands (pending, raised) as readings arrive: refetched like the charts. */
const liveRefreshMs = 15_000;

export async function getAlertRules(deviceId: string, signal?: AbortSignal) {
  return unwrap(
    await apiClient.GET('/api/telemetry/devices/{id}/alert-rules', { params: { path: { id: deviceId } }, signal }),
  );
}

export function alertRulesQueryOptions(deviceId: string) {
  return queryOptions({
    queryKey: queryKeys.telemetryAlerts.rules(deviceId),
    queryFn: ({ signal }) => getAlertRules(deviceId, signal),
    refetchInterval: liveRefreshMs,
    staleTime: 5_000,
  });
}

export function useAlertRules(deviceId: string) {
  return useQuery(alertRulesQueryOptions(deviceId));
}
