import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { resolveRange, type TimeRange } from '../time-range';
import { liveRefreshMs } from './get-devices';

export type ReadingBuckets = Schemas['ReadingBuckets'];
export type ReadingBucket = ReadingBuckets['buckets'][number];

/**
 * A device's readings per bucket over a range. A preset range ends now and
 * is worked out again at each fetch, so the chart slides along live; a
 * custom range is fixed and fetched once.
 */
export function bucketsQueryOptions(id: string, range: TimeRange, reportingIntervalSeconds: number) {
  return queryOptions({
    queryKey: queryKeys.telemetry.buckets(id, { range, reportingIntervalSeconds }),
    queryFn: async ({ signal }) => {
      const { from, to, width } = resolveRange(range, { now: new Date(), reportingIntervalSeconds });
      return unwrap(
        await apiClient.GET('/api/telemetry/devices/{id}/buckets', {
          params: { path: { id }, query: { from: from.toISOString(), to: to.toISOString(), width } },
          signal,
        }),
      );
    },
    refetchInterval: range.kind === 'preset' ? liveRefreshMs : false,
    // Switching ranges keeps the old chart on screen (dimmed) until the new one arrives.
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

export function useBuckets(id: string, range: TimeRange, reportingIntervalSeconds: number) {
  return useQuery(bucketsQueryOptions(id, range, reportingIntervalSeconds));
}
