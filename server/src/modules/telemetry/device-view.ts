import type { z } from '@hono/zod-openapi';
import type { deviceKeyInfoSchema, deviceSchema, readingSchema } from './api-schemas.js';
import type { Reading } from './ports.js';
import type { DeviceKeyRow, DeviceRow } from './schema.js';

export function toDevice(row: DeviceRow): z.infer<typeof deviceSchema> {
  return {
    id: row.id,
    nameJa: row.nameJa,
    nameEn: row.nameEn,
    location: row.location,
    kind: row.kind,
    reportingIntervalSeconds: row.reportingIntervalSeconds,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDeviceKeyInfo(
  row: Pick<DeviceKeyRow, 'id' | 'prefix' | 'createdAt' | 'expiresAt' | 'revokedAt'>,
): z.infer<typeof deviceKeyInfoSchema> {
  return {
    id: row.id,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function toReading(reading: Reading): z.infer<typeof readingSchema> {
  return {
    ts: reading.ts.toISOString(),
    temperature: reading.temperature,
    humidity: reading.humidity,
    status: reading.status,
  };
}
