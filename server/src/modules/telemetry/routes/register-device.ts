import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { errorResponses } from '../../../platform/http/errors.js';
import { issuedDeviceKeySchema, registerDeviceBodySchema } from '../api-schemas.js';
import type { TelemetryDeps } from '../deps.js';
import { toDevice, toDeviceKeyInfo } from '../device-view.js';
import { registerDevice } from '../devices.js';

export const registerDeviceRoute = createRoute({
  operationId: 'registerTelemetryDevice',
  method: 'post',
  path: '/staff/telemetry/devices',
  tags: ['Telemetry'],
  summary: 'Register a sensor; its key is in this answer and never shown again',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: registerDeviceBodySchema } } } },
  responses: {
    201: {
      description: 'The device and its key (shown once)',
      content: { 'application/json': { schema: issuedDeviceKeySchema } },
    },
    ...errorResponses(400, 401, 403),
  },
});

export type RegisterDeviceResponse = z.infer<typeof issuedDeviceKeySchema>;

export function registerRegisterDevice(app: OpenAPIHono<AppEnv>, deps: TelemetryDeps): void {
  app.openapi(registerDeviceRoute, async (c) => {
    const input = c.req.valid('json');
    const me = requireUser(c, 'staff', 'admin');
    const created = await registerDevice(deps.db, { input, actorId: me.userId, recordAudit: deps.recordAudit });
    const body: RegisterDeviceResponse = {
      device: toDevice(created.device),
      key: created.secret,
      keyInfo: toDeviceKeyInfo(created.key),
    };
    c.header('Location', `/api/staff/telemetry/devices/${created.device.id}`);
    return c.json(body, 201);
  });
}
