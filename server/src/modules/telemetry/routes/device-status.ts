import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { listOpenAlerts } from '../alert-rules.js';
import { toAlert } from '../alert-view.js';
import { type deviceStates, deviceStatusListSchema, listDevicesQuerySchema } from '../api-schemas.js';
import type { TelemetryDeps } from '../deps.js';
import { toDevice, toReading } from '../device-view.js';
import { listDevices } from '../devices.js';
import type { Reading } from '../ports.js';
import type { DeviceRow } from '../schema.js';

export const listDeviceStatusRoute = createRoute({
  operationId: 'listTelemetryDevices',
  method: 'get',
  path: '/telemetry/devices',
  tags: ['Telemetry'],
  summary: 'Every device with its latest reading and whether it is reporting (staff and admins)',
  security: [{ bearer: [] }],
  request: { query: listDevicesQuerySchema },
  responses: {
    200: { description: 'A page of devices', content: { 'application/json': { schema: deviceStatusListSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export type ListDeviceStatusResponse = z.infer<typeof deviceStatusListSchema>;

/** Silent after three missed reports: one late or lost report is normal radio life, three are not. */
const silentAfterIntervals = 3;

function stateOf(device: DeviceRow, latest: Reading | undefined, now: Date): (typeof deviceStates)[number] {
  if (!device.enabled) return 'disabled';
  if (!latest) return 'never_reported';
  const quietMs = now.getTime() - latest.ts.getTime();
  return quietMs > silentAfterIntervals * device.reportingIntervalSeconds * 1000 ? 'silent' : 'reporting';
}

export function registerDeviceStatus(app: OpenAPIHono<AppEnv>, deps: TelemetryDeps): void {
  const { now } = deps;
  app.openapi(listDeviceStatusRoute, async (c) => {
    const query = c.req.valid('query');
    requireUser(c, 'staff', 'admin');
    const page = await listDevices(deps.db, query);
    const deviceIds = page.items.map((d) => d.id);
    const [latest, open] = await Promise.all([
      deps.readings.latest({ deviceIds }),
      listOpenAlerts(deps.db, { deviceIds }),
    ]);
    const at = now();
    const body: ListDeviceStatusResponse = {
      items: page.items.map((device) => {
        const reading = latest.get(device.id);
        return {
          ...toDevice(device),
          state: stateOf(device, reading, at),
          latest: reading ? toReading(reading) : null,
          openAlerts: open.filter((alert) => alert.deviceId === device.id).map(toAlert),
        };
      }),
      nextCursor: page.nextCursor,
    };
    return c.json(body, 200);
  });
}
