import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import {
  deviceIdParamsSchema,
  issuedDeviceKeySchema,
  revokedDeviceKeysSchema,
  rotateDeviceKeyBodySchema,
} from '../api-schemas.js';
import type { TelemetryDeps } from '../deps.js';
import { toDevice, toDeviceKeyInfo } from '../device-view.js';
import { revokeAllDeviceKeys, rotateDeviceKey } from '../devices.js';

export const rotateDeviceKeyRoute = createRoute({
  operationId: 'rotateTelemetryDeviceKey',
  method: 'post',
  path: '/staff/telemetry/devices/{id}/keys',
  tags: ['Telemetry'],
  summary: 'Issue a new key (shown once); the old ones keep working for the grace period',
  security: [{ bearer: [] }],
  request: {
    params: deviceIdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: rotateDeviceKeyBodySchema } } },
  },
  responses: {
    201: {
      description: 'The new key (shown once)',
      content: { 'application/json': { schema: issuedDeviceKeySchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const revokeDeviceKeysRoute = createRoute({
  operationId: 'revokeTelemetryDeviceKeys',
  method: 'delete',
  path: '/staff/telemetry/devices/{id}/keys',
  tags: ['Telemetry'],
  summary: 'Every key of the device stops working now (a lost or stolen sensor); rotate to issue a new one',
  security: [{ bearer: [] }],
  request: { params: deviceIdParamsSchema },
  responses: {
    200: {
      description: 'How many keys were revoked',
      content: { 'application/json': { schema: revokedDeviceKeysSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type RotateDeviceKeyResponse = z.infer<typeof issuedDeviceKeySchema>;
export type RevokeDeviceKeysResponse = z.infer<typeof revokedDeviceKeysSchema>;

export function registerDeviceKeys(app: OpenAPIHono<AppEnv>, deps: TelemetryDeps): void {
  const { now } = deps;
  app.openapi(rotateDeviceKeyRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { graceSeconds } = c.req.valid('json');
    const me = requireUser(c, 'staff', 'admin');
    const rotated = await rotateDeviceKey(deps.db, {
      deviceId: id,
      graceSeconds,
      now: now(),
      actorId: me.userId,
      recordAudit: deps.recordAudit,
    });
    if (!rotated) throw new AppError('NOT_FOUND', 'No such device');
    // The old keys' new expiry (a grace of 0 ends them now) holds from the next request.
    deps.deviceKeys.forget(id);
    const body: RotateDeviceKeyResponse = {
      device: toDevice(rotated.device),
      key: rotated.secret,
      keyInfo: toDeviceKeyInfo(rotated.key),
    };
    return c.json(body, 201);
  });

  app.openapi(revokeDeviceKeysRoute, async (c) => {
    const { id } = c.req.valid('param');
    const me = requireUser(c, 'staff', 'admin');
    const result = await revokeAllDeviceKeys(deps.db, {
      deviceId: id,
      now: now(),
      actorId: me.userId,
      recordAudit: deps.recordAudit,
    });
    if (!result) throw new AppError('NOT_FOUND', 'No such device');
    deps.deviceKeys.forget(id);
    const body: RevokeDeviceKeysResponse = result;
    return c.json(body, 200);
  });
}
