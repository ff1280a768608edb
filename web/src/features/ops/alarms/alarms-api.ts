import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type OpsAlarm = Schemas['OpsAlarm'];

/** The catalogue's alarms as the server evaluates them (every 10 s): looked at again as often. */
export function useAlarms() {
  return useQuery({
    queryKey: queryKeys.ops.alarms,
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/ops/alarms', { signal })),
    refetchInterval: 10_000,
  });
}
