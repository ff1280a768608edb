import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import {
  bucketsQuerySchema,
  bucketsSchema,
  deviceIdParamsSchema,
  readingsPageSchema,
  readingsQuerySchema,
} from '../api-schemas.js';
import type { TelemetryDeps } from '../deps.js';
import { toReading } from '../device-view.js';
import { deviceExists } from '../devices.js';
import type { BucketWidth } from '../ports.js';
import { exportReadingsCsv } from '../readings-csv.js';

export const listDeviceReadingsRoute = createRoute({
  operationId: 'listTelemetryReadings',
  method: 'get',
  path: '/telemetry/devices/{id}/readings',
  tags: ['Telemetry'],
  summary: 'A device’s raw readings in a range, oldest first, a page at a time',
  security: [{ bearer: [] }],
  request: { params: deviceIdParamsSchema, query: readingsQuerySchema },
  responses: {
    200: { description: 'A page of readings', content: { 'application/json': { schema: readingsPageSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const deviceBucketsRoute = createRoute({
  operationId: 'getTelemetryBuckets',
  method: 'get',
  path: '/telemetry/devices/{id}/buckets',
  tags: ['Telemetry'],
  summary: 'A device’s readings summarised per 1 m / 5 m / 1 h / 1 d bucket: count, avg, min, max per metric',
  security: [{ bearer: [] }],
  request: { params: deviceIdParamsSchema, query: bucketsQuerySchema },
  responses: {
    200: { description: 'Every bucket of the range', content: { 'application/json': { schema: bucketsSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const exportDeviceReadingsRoute = createRoute({
  operationId: 'exportTelemetryReadings',
  method: 'get',
  path: '/telemetry/devices/{id}/readings.csv',
  tags: ['Telemetry'],
  summary:
    'A device’s readings in a range as CSV for Excel: UTF-8 with BOM, times on the user’s clock (Tokyo by default)',
  security: [{ bearer: [] }],
  request: { params: deviceIdParamsSchema, query: readingsQuerySchema.pick({ from: true, to: true }) },
  responses: {
    200: { description: 'The CSV, streamed', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type ListDeviceReadingsResponse = z.infer<typeof readingsPageSchema>;
export type DeviceBucketsResponse = z.infer<typeof bucketsSchema>;

const dayMs = 86_400_000;
const widthMs: Record<BucketWidth, number> = { '1m': 60_000, '5m': 300_000, '1h': 3_600_000, '1d': dayMs };
/** A chart of a month by the hour is 720 buckets, a day by the minute 1,440: this is room for both, not for a year by the minute. */
export const maxBuckets = 5_000;

function rangeOf(query: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - dayMs);
  if (from.getTime() >= to.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'Invalid from: must be before to', [
      { path: 'from', message: 'must be before to' },
    ]);
  }
  return { from, to };
}

export function registerDeviceReadings(app: OpenAPIHono<AppEnv>, deps: TelemetryDeps): void {
  const { now } = deps;
  const requireDevice = async (id: string) => {
    if (!(await deviceExists(deps.db, { deviceId: id }))) throw new AppError('NOT_FOUND', 'No such device');
  };

  app.openapi(listDeviceReadingsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    requireUser(c, 'staff', 'admin');
    const { from, to } = rangeOf(query, now());
    await requireDevice(id);
    const page = await deps.readings.list({ deviceId: id, from, to, cursor: query.cursor, limit: query.limit });
    const body: ListDeviceReadingsResponse = { items: page.items.map(toReading), nextCursor: page.nextCursor };
    return c.json(body, 200);
  });

  app.openapi(exportDeviceReadingsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const me = requireUser(c, 'staff', 'admin');
    const { from, to } = rangeOf(query, now());
    await requireDevice(id);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="kura-readings-${id}-${from.toISOString().slice(0, 10)}.csv"`,
    );
    c.header('Cache-Control', 'no-store');
    const csv = exportReadingsCsv(deps.readings, { deviceId: id, from, to, timeZone: me.timeZone });
    return c.body(Readable.toWeb(csv) as ReadableStream, 200);
  });

  app.openapi(deviceBucketsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const me = requireUser(c, 'staff', 'admin');
    const { from, to } = rangeOf(query, now());
    // Days may be 23 or 25 hours long where clocks change; one spare bucket covers it.
    if ((to.getTime() - from.getTime()) / widthMs[query.width] > maxBuckets - 1) {
      throw new AppError('VALIDATION_FAILED', `Invalid width: the range holds more than ${maxBuckets} buckets of it`, [
        {
          path: 'width',
          message: `more than ${maxBuckets} buckets in the range; choose a wider bucket or a shorter range`,
        },
      ]);
    }
    // Both at once, one round trip's wait: an unknown device has no readings, so its buckets are empty and unused.
    const [, buckets] = await Promise.all([
      requireDevice(id),
      deps.readings.buckets({ deviceId: id, from, to, width: query.width, timeZone: me.timeZone }),
    ]);
    const body: DeviceBucketsResponse = {
      width: query.width,
      timeZone: me.timeZone,
      from: from.toISOString(),
      to: to.toISOString(),
      buckets: buckets.map((b) => ({ ...b, start: b.start.toISOString() })),
    };
    return c.json(body, 200);
  });
}
