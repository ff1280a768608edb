import { z } from '@hono/zod-openapi';
import { pageParams } from '../../platform/http/cursor.js';
import { defaultRotationGraceSeconds } from './device-keys.js';
import { deviceKinds, deviceLocationMaxLength, deviceNameMaxLength, reportingIntervalRange } from './schema.js';

/** The telemetry module's staff contract: devices and their keys. */

const deviceName = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(deviceNameMaxLength, `must be at most ${deviceNameMaxLength} characters`);
const location = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(deviceLocationMaxLength, `must be at most ${deviceLocationMaxLength} characters`)
  .openapi({ example: '蔵1 冷蔵庫' });
const kind = z.enum(deviceKinds, { error: `must be one of ${deviceKinds.join(', ')}` });
const reportingIntervalSeconds = z
  .int({ error: 'must be a whole number of seconds' })
  .min(reportingIntervalRange.min, `must be at least ${reportingIntervalRange.min} seconds`)
  .max(reportingIntervalRange.max, `must be at most ${reportingIntervalRange.max} seconds (a day)`)
  .openapi({ description: 'How often the device is expected to report; silence is judged against it' });

export const deviceSchema = z
  .object({
    id: z.uuid(),
    nameJa: z.string(),
    nameEn: z.string(),
    location: z.string(),
    kind,
    reportingIntervalSeconds: z.int(),
    enabled: z.boolean().openapi({ description: 'A disabled device’s readings are refused (403)' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Device');

export const deviceKeyInfoSchema = z
  .object({
    id: z.uuid(),
    prefix: z.string().openapi({ description: 'The key’s first characters; the key itself is never shown again' }),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable().openapi({ description: 'Set when a newer key replaced it' }),
    revokedAt: z.iso.datetime().nullable(),
  })
  .openapi('DeviceKeyInfo');

export const deviceDetailSchema = deviceSchema.extend({ keys: z.array(deviceKeyInfoSchema) }).openapi('DeviceDetail');

export const issuedDeviceKeySchema = z
  .object({
    device: deviceSchema,
    key: z.string().openapi({
      description: 'The device’s key, shown this once: send it as `Authorization: Bearer <key>` to /ingest/v1/readings',
    }),
    keyInfo: deviceKeyInfoSchema,
  })
  .openapi('IssuedDeviceKey');

export const registerDeviceBodySchema = z
  .strictObject({ nameJa: deviceName, nameEn: deviceName, location, kind, reportingIntervalSeconds })
  .openapi('RegisterDevice');

export const changeDeviceBodySchema = z
  .strictObject({
    nameJa: deviceName.optional(),
    nameEn: deviceName.optional(),
    location: location.optional(),
    kind: kind.optional(),
    reportingIntervalSeconds: reportingIntervalSeconds.optional(),
    enabled: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'must change at least one field',
  })
  .openapi('ChangeDevice');

export const rotateDeviceKeyBodySchema = z
  .strictObject({
    graceSeconds: z
      .int({ error: 'must be a whole number of seconds' })
      .min(0, 'must be 0 (the old key stops now) or more')
      .max(7 * 86_400, 'must be at most 7 days')
      .default(defaultRotationGraceSeconds)
      .openapi({ description: 'How long the replaced keys keep working (default an hour)' }),
  })
  .openapi('RotateDeviceKey');

export const revokedDeviceKeysSchema = z
  .object({ revoked: z.int().min(0).openapi({ description: 'How many keys were still live' }) })
  .openapi('RevokedDeviceKeys');

export const deviceIdParamsSchema = z.object({
  id: z.uuid({ error: 'must be a device id' }).openapi({ param: { name: 'id', in: 'path' } }),
});

export const listDevicesQuerySchema = z.object({ ...pageParams(50) });
