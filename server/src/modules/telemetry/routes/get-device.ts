import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { deviceDetailSchema, deviceIdParamsSchema } from '../api-schemas.js';
import type { TelemetryDeps } from '../deps.js';
import { toDevice, toDeviceKeyInfo } from '../device-view.js';
import { findDevice } from '../devices.js';

export const getDeviceRoute = createRoute({
  operationId: 'getTelemetryDevice',
  method: 'get',
  path: '/staff/telemetry/devices/{id}',
  tags: ['Telemetry'],
  summary: 'A device and its keys (prefixes and lifetimes only)',
  security: [{ bearer: [] }],
  request: { params: deviceIdParamsSchema },
  responses: {
    200: { description: 'The device', content: { 'application/json': { schema: deviceDetailSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type GetDeviceResponse = z.infer<typeof deviceDetailSchema>;

export function registerGetDevice(app: OpenAPIHono<AppEnv>, deps: TelemetryDeps): void {
  app.openapi(getDeviceRoute, async (c) => {
    const { id } = c.req.valid('param');
    requireUser(c, 'staff', 'admin');
    const found = await findDevice(deps.db, { deviceId: id });
    if (!found) throw new AppError('NOT_FOUND', 'No such device');
    const body: GetDeviceResponse = { ...toDevice(found.device), keys: found.keys.map(toDeviceKeyInfo) };
    return c.json(body, 200);
  });
}
