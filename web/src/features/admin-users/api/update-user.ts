import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import type { paths } from '@/lib/api/schema';

export type UserChanges = NonNullable<
  paths['/api/admin/users/{id}']['patch']['requestBody']
>['content']['application/json'];

export async function updateUser(id: string, body: UserChanges) {
  return unwrap(await apiClient.PATCH('/api/admin/users/{id}', { params: { path: { id } }, body }));
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserChanges }) => updateUser(id, changes),
    // the user's row, the filtered lists and the audit log all change
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog.all }),
      ]),
  });
}
