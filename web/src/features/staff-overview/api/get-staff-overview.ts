import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type StaffOverview = Schemas['StaffOverview'];

export async function getStaffOverview(signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/staff/overview', { signal }));
}

export function staffOverviewQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.staffOverview,
    queryFn: ({ signal }) => getStaffOverview(signal),
    // The home page is where staff look to see what to do: fresh on every visit, and while it stays open.
    staleTime: 0,
    refetchInterval: 30_000,
  });
}

export function useStaffOverview() {
  return useQuery(staffOverviewQueryOptions());
}
