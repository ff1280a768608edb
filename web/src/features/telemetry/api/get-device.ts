import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type DeviceDetail = Schemas['DeviceDetail'];
export type DeviceKeyInfo = Schemas['DeviceKeyInfo'];

export async function getDevice(id: string, signal?: AbortSignal) {
  return unwrap(await apiClient.GET('/api/staff/telemetry/devices/{id}', { params: { path: { id } }, signal }));
}

export function deviceQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.telemetry.device(id),
    queryFn: ({ signal }) => getDevice(id, signal),
    staleTime: 0,
  });
}

export function useDevice(id: string) {
  return useQuery(deviceQueryOptions(id));
}
