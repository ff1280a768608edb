import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export async function changeDevice(params: { id: string; patch: Schemas['ChangeDevice'] }) {
  return unwrap(
    await apiClient.PATCH('/api/staff/telemetry/devices/{id}', {
      params: { path: { id: params.id } },
      body: params.patch,
    }),
  );
}

/** Renames, moves, or disables/enables a device (a disabled device's readings are refused). */
export function useChangeDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeDevice,
    onSettled: (_data, _error, params) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.telemetry.device(params.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.telemetry.devices }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog.all }),
      ]),
  });
}
