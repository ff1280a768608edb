import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';

/** Deletes the account: directory sign-in, todos; Kura keeps an anonymised tombstone. */
export async function deleteUser(id: string) {
  return unwrap(await apiClient.DELETE('/api/admin/users/{id}', { params: { path: { id } } }));
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteUser(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
