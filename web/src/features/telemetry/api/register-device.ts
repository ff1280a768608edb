import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type RegisterDeviceBody = Schemas['RegisterDevice'];
export type IssuedDeviceKey = Schemas['IssuedDeviceKey'];

export async function registerDevice(body: RegisterDeviceBody) {
  return unwrap(await apiClient.POST('/api/staff/telemetry/devices', { body }));
}

export function useRegisterDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerDevice,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.telemetry.devices }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditLog.all }),
      ]),
  });
}
