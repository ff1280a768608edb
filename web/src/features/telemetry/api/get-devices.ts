import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { apiClient, type Schemas } from '@/lib/api/client';
import { queryKeys } from '@/lib/api/query-keys';

export type DeviceStatus = Schemas['DeviceStatus'];
export type DeviceState = DeviceStatus['state'];
export type DeviceKind = DeviceStatus['kind'];
export const deviceKinds: readonly DeviceKind[] = ['fridge', 'freezer', 'cellar', 'warehouse', 'shop_floor', 'other'];

/** The list refreshes on its own: sensors report every minute or so. */
export const liveRefreshMs = 15_000;

export async function getDevices(signal?: AbortSignal) {
  // A storehouse has a handful of sensors; one page of the largest size holds them.
  return unwrap(await apiClient.GET('/api/telemetry/devices', { params: { query: { limit: 100 } }, signal }));
}

export function devicesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.telemetry.devices,
    queryFn: ({ signal }) => getDevices(signal),
    refetchInterval: liveRefreshMs,
    staleTime: 5_000,
  });
}

export function useDevices() {
  return useQuery(devicesQueryOptions());
}

/** The device's name in the page's language. */
export function deviceName(device: { nameJa: string; nameEn: string }, language: string): string {
  return language.startsWith('en') ? device.nameEn : device.nameJa;
}
