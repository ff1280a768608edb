import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/authenticate.js';
import { type AppEnv, createRouter } from '../http/app-env.js';
import { errorResponses } from '../http/errors.js';
import {
  type FaultSetting,
  type FaultSwitches,
  type FaultTarget,
  faultSettingSchema,
  faultTargets,
} from './fault-switches.js';

const targetSchema = z.enum(faultTargets).openapi({
  description:
    'stock-consumer: the order flow’s event handlers; api-*: a group of API routes; ingest: the devices’ endpoint',
  example: 'stock-consumer',
});

const settingSchema = faultSettingSchema
  .extend({
    latencyMs: faultSettingSchema.shape.latencyMs.openapi({
      description: 'Added before each request or event',
      example: 0,
    }),
    failureRate: faultSettingSchema.shape.failureRate.openapi({
      description: 'Share of requests (503) or deliveries (retried, then dead-lettered) that fail: 0 to 1',
      example: 0.5,
    }),
  })
  .openapi('FaultSetting');

const faultSwitchSchema = z
  .object({
    target: targetSchema,
    latencyMs: z.int(),
    failureRate: z.number(),
    on: z.boolean().openapi({ description: 'Latency or failures are being added' }),
  })
  .openapi('FaultSwitch');

const faultSwitchesSchema = z
  .object({
    items: z.array(faultSwitchSchema),
    store: z.enum(['in-process', 'ssm']).openapi({ description: 'Where the switches live: this process, or SSM' }),
  })
  .openapi('FaultSwitches');

export const listFaultSwitchesRoute = createRoute({
  operationId: 'listFaultSwitches',
  method: 'get',
  path: '/staff/faults',
  tags: ['Operations'],
  summary: 'The fault switches and what each adds now; all off by default (staff)',
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'Every switch', content: { 'application/json': { schema: faultSwitchesSchema } } },
    ...errorResponses(401, 403),
  },
});

export const setFaultSwitchRoute = createRoute({
  operationId: 'setFaultSwitch',
  method: 'put',
  path: '/staff/faults/{target}',
  tags: ['Operations'],
  summary: 'Add latency or a failure rate to one part of Kura, or turn it off with zeros (staff)',
  description:
    'A learning tool: watch the metrics, alarms and dead letters react. Audited. On AWS the switch is an SSM ' +
    'parameter that every task reads within 10 s; locally it applies at once.',
  security: [{ bearer: [] }],
  request: {
    params: z.object({ target: targetSchema }),
    body: { required: true, content: { 'application/json': { schema: settingSchema } } },
  },
  responses: {
    200: { description: 'The switch as set', content: { 'application/json': { schema: faultSwitchSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export type FaultSwitchesResponse = z.infer<typeof faultSwitchesSchema>;
export type FaultSwitchResponse = z.infer<typeof faultSwitchSchema>;

export type FaultSwitchesDeps = {
  switches: FaultSwitches;
  /** Writes the audit entry for a change (identity's audit log, wired by the composition root). */
  recordChange(entry: {
    actorId: string;
    target: FaultTarget;
    before: FaultSetting;
    after: FaultSetting;
  }): Promise<void>;
};

const toSwitch = (target: FaultTarget, setting: FaultSetting): FaultSwitchResponse => ({
  target,
  ...setting,
  on: setting.latencyMs > 0 || setting.failureRate > 0,
});

/** The staff routes of the fault switches (mounted under /api, after `authenticate` and the staff role check). */
export function createFaultSwitchesRouter(deps: FaultSwitchesDeps): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(listFaultSwitchesRoute, async (c) => {
    requireUser(c, 'staff', 'admin');
    const settings = await deps.switches.list();
    const body: FaultSwitchesResponse = {
      items: faultTargets.map((target) => toSwitch(target, settings[target])),
      store: deps.switches.storeKind,
    };
    return c.json(body, 200);
  });

  router.openapi(setFaultSwitchRoute, async (c) => {
    const { target } = c.req.valid('param');
    const setting = c.req.valid('json');
    const me = requireUser(c, 'staff', 'admin');
    const { before, after } = await deps.switches.set(target, setting);
    await deps.recordChange({ actorId: me.userId, target, before, after });
    c.get('logger').warn({ target, before, after }, 'fault switch changed');
    return c.json(toSwitch(target, after), 200);
  });
  return router;
}
