import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter } from '../../platform/http/app-env.js';
import type { TelemetryDeps } from './deps.js';
import { registerAlertRules } from './routes/alert-rules.js';
import { registerChangeDevice } from './routes/change-device.js';
import { registerDeviceAlerts } from './routes/device-alerts.js';
import { registerDeviceKeys } from './routes/device-keys.js';
import { registerDeviceReadings } from './routes/device-readings.js';
import { registerDeviceStatus } from './routes/device-status.js';
import { registerGetDevice } from './routes/get-device.js';
import { registerRegisterDevice } from './routes/register-device.js';

/**
 * Storehouse sensors for staff: devices and their keys under /staff, their
 * readings under /telemetry (mounted after `authenticate` and the staff role
 * check on both prefixes).
 */
export function createTelemetryRouter(deps: TelemetryDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  registerRegisterDevice(router, deps);
  registerGetDevice(router, deps);
  registerChangeDevice(router, deps);
  registerDeviceKeys(router, deps);
  registerDeviceStatus(router, deps);
  registerDeviceReadings(router, deps);
  registerAlertRules(router, deps);
  registerDeviceAlerts(router, deps);
  return router;
}
