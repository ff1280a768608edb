import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import type { UserRole } from './get-users';

export type Invitation = { email: string; displayName?: string; role?: UserRole };

export async function inviteUser(body: Invitation) {
  return unwrap(await apiClient.POST('/api/admin/users', { body }));
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteUser,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
}
