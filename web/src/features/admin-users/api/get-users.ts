import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type AdminUser = Schemas['User'];
export type UserRole = AdminUser['role'];
export type UserStatus = AdminUser['status'];
export const userRoles: readonly UserRole[] = ['customer', 'staff', 'admin'];
/** What an admin can filter by and switch between ("deleted" users are not listed). */
export const userStatuses = ['active', 'disabled'] as const satisfies readonly UserStatus[];

export type UserQuery = { q?: string; role?: UserRole; status?: UserStatus; cursor?: string };
export const usersPageSize = 20;

export async function getUsers(query: UserQuery, signal?: AbortSignal) {
  return unwrap(
    await apiClient.GET('/api/admin/users', { params: { query: { ...query, limit: usersPageSize } }, signal }),
  );
}

export function usersQueryOptions(query: UserQuery) {
  return queryOptions({
    queryKey: queryKeys.users.list(query),
    queryFn: ({ signal }) => getUsers(query, signal),
    staleTime: 10_000,
  });
}

export function useUsers(query: UserQuery) {
  return useQuery({ ...usersQueryOptions(query), placeholderData: keepPreviousData });
}
