import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type OpsSpan = Schemas['OpsSpan'];
export type OpsTraceSummary = Schemas['OpsTraceSummary'];
export type OpsLogRecord = Schemas['OpsLogRecord'];
export type FaultSwitch = Schemas['FaultSwitch'];
export type OpsDashboard = Schemas['OpsDashboard'];
export type OpsMetricSeries = Schemas['OpsMetricSeries'];
export type MetricName = OpsMetricSeries['metric'];
export type MetricStatistic = OpsMetricSeries['statistic'];
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

/** The catalogue's metrics and the dashboard's widgets: the same the CloudWatch dashboard is built from. */
export function useOpsDashboard() {
  return useQuery({
    queryKey: queryKeys.ops.dashboard,
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/ops/dashboard', { signal })),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The ranges a chart offers, each with the period its datapoints are summed over. */
export const metricRanges = {
  '15m': { minutes: 15, periodSeconds: 60 },
  '1h': { minutes: 60, periodSeconds: 60 },
  '6h': { minutes: 360, periodSeconds: 300 },
} as const;
export type MetricRange = keyof typeof metricRanges;

/** One widget's series over the last `range`, refreshed each minute (the store's resolution). */
export function useMetricSeries(
  metrics: readonly { metric: MetricName; statistic: MetricStatistic }[],
  range: MetricRange,
) {
  const { minutes, periodSeconds } = metricRanges[range];
  return useQueries({
    queries: metrics.map(({ metric, statistic }) => ({
      queryKey: queryKeys.ops.metric({ metric, statistic, range }),
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const to = new Date();
        const from = new Date(to.getTime() - minutes * 60_000);
        return unwrap(
          await apiClient.GET('/api/ops/metrics', {
            params: {
              query: { metric, statistic, periodSeconds, from: from.toISOString(), to: to.toISOString() },
            },
            signal,
          }),
        );
      },
      refetchInterval: 15_000,
      placeholderData: keepPreviousData,
    })),
  });
}
