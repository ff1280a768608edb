import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

/** Deletes the account: directory sign-in, todos; Kura keeps an anonymised tombstone. */
export async function deleteUser(id: string) {
  return unwrap(await apiClient.DELETE('/api/admin/users/{id}', { params: { path: { id } } }));
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteUser(id),
    // the list and the audit log change
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog.all }),
      ]),
  });
}
