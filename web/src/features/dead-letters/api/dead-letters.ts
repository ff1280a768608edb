import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { loadRuntimeConfig } from '@/lib/auth/runtime-config';

export type DeadLetter = Schemas['DeadLetter'];

export async function getDeadLetters(signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/staff/dead-letters', { params: { query: { limit: 100 } }, signal }));
}

export function deadLettersQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.deadLetters.all,
    queryFn: ({ signal }) => getDeadLetters(signal),
    // A failing consumer dead-letters messages while the operator watches.
    refetchInterval: 5000,
  });
}

export function useDeadLetters() {
  return useQuery(deadLettersQueryOptions());
}

/** Redrives the given dead letters, or all of them. */
export function useRedriveDeadLetters() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (target: { ids: string[] } | { all: true }) =>
      unwrap(await apiClient.POST('/api/staff/dead-letters/redrive', { body: target })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.deadLetters.all }),
  });
}

/** The local profile's drill: an event that fails once, to practise a redrive. */
export function useDeadLetterDrill() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await apiClient.POST('/api/staff/dead-letters/drill')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.deadLetters.all }),
  });
}

/** Whether this server runs the local profile (the drill exists only there). */
export function useLocalProfile() {
  const config = useQuery({
    queryKey: queryKeys.runtimeConfig,
    queryFn: loadRuntimeConfig,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return config.data?.profile === 'local';
}
