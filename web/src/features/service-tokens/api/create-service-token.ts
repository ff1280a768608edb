import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import type { TokenScope } from './get-service-tokens';

export async function createServiceToken(body: { name: string; scopes: TokenScope[] }) {
  return unwrap(await apiClient.POST('/api/admin/service-tokens', { body }));
}

export function useCreateServiceToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createServiceToken,
    // the list and the audit log change
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.serviceTokens.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog.all }),
      ]),
  });
}
