import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import { useAuth } from '@/lib/auth/use-auth';

export type Me = Schemas['User'];
export type Role = Me['role'];

export async function getMe(signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/me', { signal }));
}

export function meQueryOptions(subject: string | undefined) {
  return queryOptions({
    queryKey: queryKeys.me(subject),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
    enabled: subject !== undefined,
  });
}

/** The signed-in user's Kura record (role, time zone); idle while signed out. */
export function useMe() {
  const { user } = useAuth();
  return useQuery(meQueryOptions(user?.profile.sub));
}

/** Staff and admins see the back office; admins manage users and tokens. */
export function hasRole(me: Pick<Me, 'role'> | undefined, allowed: readonly Role[]): boolean {
  return me !== undefined && allowed.includes(me.role);
}
