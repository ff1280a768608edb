import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';
import type { UserRole } from './get-users';

export type Invitation = { email: string; displayName?: string; role?: UserRole };

export async function inviteUser(body: Invitation) {
  return unwrap(await apiClient.POST('/api/admin/users', { body }));
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteUser,
    // the list and the audit log change
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.auditLog.all });
    },
  });
}
