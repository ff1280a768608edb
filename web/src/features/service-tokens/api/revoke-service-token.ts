import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';

export async function revokeServiceToken(id: string) {
  return unwrap(await apiClient.DELETE('/api/admin/service-tokens/{id}', { params: { path: { id } } }));
}

export function useRevokeServiceToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeServiceToken,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
