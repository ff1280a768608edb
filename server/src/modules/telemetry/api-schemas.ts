import { z } from '@hono/zod-openapi';
import { pageParams } from '../../platform/http/cursor.js';
import { alertSchema } from './alert-api-schemas.js';
import { defaultRotationGraceSeconds } from './device-keys.js';
import { bucketWidths } from './ports.js';
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

/** The readings side: what staff dashboards read. */

const metricSummarySchema = z
  .object({ avg: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable() })
  .openapi('MetricSummary', { description: 'null in an empty bucket' });

export const readingSchema = z
  .object({
    ts: z.iso.datetime().openapi({ description: 'The device’s instant, UTC' }),
    temperature: z.number().openapi({ description: '°C' }),
    humidity: z.number().openapi({ description: '%RH' }),
    status: z.string(),
  })
  .openapi('Reading');

export const deviceStates = ['reporting', 'silent', 'never_reported', 'disabled'] as const;

export const deviceStatusSchema = deviceSchema
  .extend({
    state: z.enum(deviceStates).openapi({
      description: 'silent: no reading for more than three reporting intervals; disabled: staff turned it off',
    }),
    latest: readingSchema.nullable(),
    openAlerts: z.array(alertSchema).openapi({
      description: 'The alerts raised and not yet cleared, newest first: what staff must see before anything else',
    }),
  })
  .openapi('DeviceStatus');

export const deviceStatusListSchema = z
  .object({
    items: z.array(deviceStatusSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page' }),
  })
  .openapi('DeviceStatusList');

const instant = (description: string) =>
  z.iso
    .datetime({ offset: true, error: 'must be an ISO-8601 instant with Z or an offset' })
    .max(40, 'must be an ISO-8601 instant')
    .optional()
    .openapi({ description });

const rangeQuery = {
  from: instant('Start of the range (inclusive); default 24 hours before `to`'),
  to: instant('End of the range (exclusive); default now'),
};

export const readingsQuerySchema = z.object({ ...rangeQuery, ...pageParams(100) });

export const readingsPageSchema = z
  .object({ items: z.array(readingSchema), nextCursor: z.string().nullable() })
  .openapi('ReadingsPage');

export const bucketsQuerySchema = z.object({
  ...rangeQuery,
  width: z
    .enum(bucketWidths, { error: `must be one of ${bucketWidths.join(', ')}` })
    .default('1h')
    .openapi({ description: 'Bucket width; days are cut at midnight in the signed-in user’s time zone' }),
});

export const bucketsSchema = z
  .object({
    width: z.enum(bucketWidths),
    timeZone: z.string().openapi({ example: 'Asia/Tokyo' }),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    buckets: z.array(
      z.object({
        start: z.iso.datetime(),
        count: z.int().min(0),
        temperature: metricSummarySchema,
        humidity: metricSummarySchema,
      }),
    ),
  })
  .openapi('ReadingBuckets', { description: 'Every bucket of the range, empty ones included (gaps stay visible)' });
