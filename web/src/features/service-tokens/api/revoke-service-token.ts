import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export async function revokeServiceToken(id: string) {
  return unwrap(await apiClient.DELETE('/api/admin/service-tokens/{id}', { params: { path: { id } } }));
}

export function useRevokeServiceToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeServiceToken,
    // the list and the audit log change
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.serviceTokens.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog.all }),
      ]),
  });
}
