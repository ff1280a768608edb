import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type OpsSpan = Schemas['OpsSpan'];
export type OpsTraceSummary = Schemas['OpsTraceSummary'];
export type OpsLogRecord = Schemas['OpsLogRecord'];
export type FaultSwitch = Schemas['FaultSwitch'];
export type FaultTarget = FaultSwitch['target'];

export type TraceQuery = { route?: string; status?: 'ok' | 'error'; minDurationMs?: number };
export type LogQuery = { level?: OpsLogRecord['level']; module?: string; traceId?: string };

export function useTraceSearch(query: TraceQuery) {
  return useQuery(
    queryOptions({
      queryKey: queryKeys.ops.traces(query),
      queryFn: async ({ signal }) =>
        unwrap(await apiClient.GET('/api/ops/traces', { params: { query: { ...query, limit: 50 } }, signal })),
      // New traces arrive while the operator watches.
      refetchInterval: 5000,
      placeholderData: keepPreviousData,
    }),
  );
}

export function useTrace(traceId: string) {
  return useQuery({
    queryKey: queryKeys.ops.trace(traceId),
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/ops/traces/{traceId}', { params: { path: { traceId } }, signal })),
    // The consumer's spans arrive after the API's: keep looking for a little while.
    refetchInterval: 3000,
  });
}

/** Log lines; a live tail polls every 2 s. */
export function useLogs(query: LogQuery, live: boolean) {
  return useQuery({
    queryKey: queryKeys.ops.logs(query),
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/ops/logs', { params: { query: { ...query, limit: 100 } }, signal })),
    refetchInterval: live ? 2000 : false,
    placeholderData: keepPreviousData,
  });
}

export function useFaultSwitches() {
  return useQuery({
    queryKey: queryKeys.ops.faults,
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/staff/faults', { signal })),
  });
}

export function useSetFaultSwitch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { target: FaultTarget; latencyMs: number; failureRate: number }) =>
      unwrap(
        await apiClient.PUT('/api/staff/faults/{target}', {
          params: { path: { target: input.target } },
          body: { latencyMs: input.latencyMs, failureRate: input.failureRate },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.ops.faults }),
  });
}
