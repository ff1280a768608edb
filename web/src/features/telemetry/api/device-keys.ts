import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export async function rotateDeviceKey(params: { id: string; graceSeconds: number }) {
  return unwrap(
    await apiClient.POST('/api/staff/telemetry/devices/{id}/keys', {
      params: { path: { id: params.id } },
      body: { graceSeconds: params.graceSeconds },
    }),
  );
}

export async function revokeDeviceKeys(id: string) {
  return unwrap(await apiClient.DELETE('/api/staff/telemetry/devices/{id}/keys', { params: { path: { id } } }));
}

function useInvalidateDevice() {
  const queryClient = useQueryClient();
  return (id: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.telemetry.device(id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.auditLog.all }),
    ]);
}

/** A new key (shown once); the old ones keep working for the grace period. */
export function useRotateDeviceKey() {
  const invalidate = useInvalidateDevice();
  return useMutation({ mutationFn: rotateDeviceKey, onSettled: (_data, _error, params) => invalidate(params.id) });
}

/** Every key of the device stops working now. */
export function useRevokeDeviceKeys() {
  const invalidate = useInvalidateDevice();
  return useMutation({ mutationFn: revokeDeviceKeys, onSettled: (_data, _error, id) => invalidate(id) });
}
