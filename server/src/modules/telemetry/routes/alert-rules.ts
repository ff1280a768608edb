import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { requireUser } from '../../../platform/auth/authenticate.js';
import type { AppEnv } from '../../../platform/http/app-env.js';
import { AppError, errorResponses } from '../../../platform/http/errors.js';
import {
  alertRuleInputSchema,
  alertRuleListSchema,
  alertRuleParamsSchema,
  alertRuleSchema,
} from '../alert-api-schemas.js';
import { createAlertRule, listAlertRules, removeAlertRule, replaceAlertRule } from '../alert-rules.js';
import { toAlertRule } from '../alert-view.js';
import { deviceIdParamsSchema } from '../api-schemas.js';
import type { TelemetryDeps } from '../deps.js';
import { deviceExists } from '../devices.js';

const ruleBody = { required: true, content: { 'application/json': { schema: alertRuleInputSchema } } } as const;

export const listAlertRulesRoute = createRoute({
  operationId: 'listTelemetryAlertRules',
  method: 'get',
  path: '/telemetry/devices/{id}/alert-rules',
  tags: ['Telemetry'],
  summary: 'A device’s alert rules, each with where its evaluation stands',
  security: [{ bearer: [] }],
  request: { params: deviceIdParamsSchema },
  responses: {
    200: { description: 'The rules, oldest first', content: { 'application/json': { schema: alertRuleListSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const createAlertRuleRoute = createRoute({
  operationId: 'createTelemetryAlertRule',
  method: 'post',
  path: '/telemetry/devices/{id}/alert-rules',
  tags: ['Telemetry'],
  summary: 'Add an alert rule: above or below a threshold for a duration (with a clear threshold), or silence',
  security: [{ bearer: [] }],
  request: { params: deviceIdParamsSchema, body: ruleBody },
  responses: {
    201: { description: 'The rule', content: { 'application/json': { schema: alertRuleSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const replaceAlertRuleRoute = createRoute({
  operationId: 'replaceTelemetryAlertRule',
  method: 'put',
  path: '/telemetry/devices/{id}/alert-rules/{ruleId}',
  tags: ['Telemetry'],
  summary: 'Change an alert rule; an alert it had raised is cleared and evaluation starts afresh',
  security: [{ bearer: [] }],
  request: { params: alertRuleParamsSchema, body: ruleBody },
  responses: {
    200: { description: 'The rule as it is now', content: { 'application/json': { schema: alertRuleSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

export const removeAlertRuleRoute = createRoute({
  operationId: 'removeTelemetryAlertRule',
  method: 'delete',
  path: '/telemetry/devices/{id}/alert-rules/{ruleId}',
  tags: ['Telemetry'],
  summary: 'Remove an alert rule; an alert it had raised is cleared, its history stays',
  security: [{ bearer: [] }],
  request: { params: alertRuleParamsSchema },
  responses: {
    204: { description: 'Removed' },
    ...errorResponses(400, 401, 403, 404),
  },
});

export type AlertRuleResponse = z.infer<typeof alertRuleSchema>;
export type AlertRuleListResponse = z.infer<typeof alertRuleListSchema>;

export function registerAlertRules(app: OpenAPIHono<AppEnv>, deps: TelemetryDeps): void {
  const noSuchDevice = () => new AppError('NOT_FOUND', 'No such device');
  const noSuchRule = () => new AppError('NOT_FOUND', 'No such alert rule on this device');

  app.openapi(listAlertRulesRoute, async (c) => {
    const { id } = c.req.valid('param');
    requireUser(c, 'staff', 'admin');
    if (!(await deviceExists(deps.db, { deviceId: id }))) throw noSuchDevice();
    const body: AlertRuleListResponse = { items: (await listAlertRules(deps.db, { deviceId: id })).map(toAlertRule) };
    return c.json(body, 200);
  });

  app.openapi(createAlertRuleRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const me = requireUser(c, 'staff', 'admin');
    const rule = await createAlertRule(deps.db, {
      deviceId: id,
      input,
      actorId: me.userId,
      recordAudit: deps.recordAudit,
    });
    if (!rule) throw noSuchDevice();
    const body: AlertRuleResponse = toAlertRule(rule);
    c.header('Location', `/api/telemetry/devices/${id}/alert-rules/${rule.id}`);
    return c.json(body, 201);
  });

  app.openapi(replaceAlertRuleRoute, async (c) => {
    const { id, ruleId } = c.req.valid('param');
    const input = c.req.valid('json');
    const me = requireUser(c, 'staff', 'admin');
    const rule = await replaceAlertRule(deps.db, {
      deviceId: id,
      ruleId,
      input,
      now: deps.now(),
      actorId: me.userId,
      recordAudit: deps.recordAudit,
    });
    if (!rule) throw noSuchRule();
    const body: AlertRuleResponse = toAlertRule(rule);
    return c.json(body, 200);
  });

  app.openapi(removeAlertRuleRoute, async (c) => {
    const { id, ruleId } = c.req.valid('param');
    const me = requireUser(c, 'staff', 'admin');
    const removed = await removeAlertRule(deps.db, {
      deviceId: id,
      ruleId,
      now: deps.now(),
      actorId: me.userId,
      recordAudit: deps.recordAudit,
    });
    if (!removed) throw noSuchRule();
    return c.body(null, 204);
  });
}
