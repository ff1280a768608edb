import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { changeDeviceBodySchema, deviceIdParamsSchema, deviceSchema } from '../api-schemas.js';
import type { TelemetryDeps } from '../deps.js';
import { toDevice } from '../device-view.js';
import { changeDevice } from '../devices.js';

export const changeDeviceRoute = createRoute({
  operationId: 'changeTelemetryDevice',
  method: 'patch',
  path: '/staff/telemetry/devices/{id}',
  tags: ['Telemetry'],
  summary: 'Rename, move or re-describe a device, or disable it (its readings are then refused) and enable it again',
  security: [{ bearer: [] }],
  request: {
    params: deviceIdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: changeDeviceBodySchema } } },
  },
  responses: {
    200: { description: 'The device as it is now', content: { 'application/json': { schema: deviceSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type ChangeDeviceResponse = z.infer<typeof deviceSchema>;

export function registerChangeDevice(app: OpenAPIHono<AppEnv>, deps: TelemetryDeps): void {
  app.openapi(changeDeviceRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const me = requireUser(c, 'staff', 'admin');
    const row = await changeDevice(deps.db, {
      deviceId: id,
      patch,
      actorId: me.userId,
      recordAudit: deps.recordAudit,
    });
    if (!row) throw new AppError('NOT_FOUND', 'No such device');
    // A disabled device is refused from its next request, not after the key cache's few seconds.
    deps.deviceKeys.forget(id);
    const body: ChangeDeviceResponse = toDevice(row);
    return c.json(body, 200);
  });
}
