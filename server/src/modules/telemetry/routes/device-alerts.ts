import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import { alertListSchema, listAlertsQuerySchema } from '../alert-api-schemas.js';
import { listAlerts } from '../alert-rules.js';
import { toAlert } from '../alert-view.js';
import { deviceIdParamsSchema } from '../api-schemas.js';
import type { TelemetryDeps } from '../deps.js';
import { deviceExists } from '../devices.js';

export const listDeviceAlertsRoute = createRoute({
  operationId: 'listTelemetryDeviceAlerts',
  method: 'get',
  path: '/telemetry/devices/{id}/alerts',
  tags: ['Telemetry'],
  summary: 'A device’s alert history, newest first: raised ones and cleared ones',
  security: [{ bearer: [] }],
  request: { params: deviceIdParamsSchema, query: listAlertsQuerySchema },
  responses: {
    200: { description: 'A page of alerts', content: { 'application/json': { schema: alertListSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type AlertListResponse = z.infer<typeof alertListSchema>;

export function registerDeviceAlerts(app: OpenAPIHono<AppEnv>, deps: TelemetryDeps): void {
  app.openapi(listDeviceAlertsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    requireUser(c, 'staff', 'admin');
    if (!(await deviceExists(deps.db, { deviceId: id }))) throw new AppError('NOT_FOUND', 'No such device');
    const page = await listAlerts(deps.db, { deviceId: id, ...query });
    const body: AlertListResponse = { items: page.items.map(toAlert), nextCursor: page.nextCursor };
    return c.json(body, 200);
  });
}
