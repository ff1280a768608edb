import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/authenticate.js';
import { type AppEnv, createRouter } from '../http/app-env.js';
import { errorResponses } from '../http/errors.js';
import { type AlarmMonitor, alarmStates } from './alarms.js';
import { metricCatalogue } from './catalogue.js';

const stateSchema = z.enum(alarmStates);

const alarmSchema = z
  .object({
    id: z.string().openapi({ example: 'ConsumerFailing' }),
    description: z.string(),
    metric: z.enum(Object.keys(metricCatalogue) as [keyof typeof metricCatalogue]),
    statistic: z.string().openapi({ example: 'Sum' }),
    periodSeconds: z.int(),
    comparison: z.enum(['GreaterThanThreshold', 'GreaterThanOrEqualToThreshold', 'LessThanThreshold']),
    threshold: z.number(),
    evaluationPeriods: z.int(),
    datapointsToAlarm: z.int(),
    missingData: z.enum(['breaching', 'notBreaching', 'ignore', 'missing']),
    state: stateSchema,
    reason: z.string().openapi({ example: 'Threshold crossed: 2 out of the last 3 datapoints were greater than 2' }),
    since: z.iso.datetime().openapi({ description: 'When the alarm entered its state' }),
    evaluatedAt: z.iso.datetime().nullable(),
    datapoints: z
      .array(z.object({ timestamp: z.iso.datetime(), value: z.number().nullable() }))
      .openapi({ description: "The last evaluation's periods, oldest first; null: no data in the period" }),
    history: z
      .array(z.object({ time: z.iso.datetime(), from: stateSchema, to: stateSchema, reason: z.string() }))
      .openapi({ description: 'State changes, newest first (bounded)' }),
  })
  .openapi('OpsAlarm');

export const listOpsAlarmsRoute = createRoute({
  operationId: 'listOpsAlarms',
  method: 'get',
  path: '/ops/alarms',
  tags: ['Operations'],
  summary:
    "The catalogue's alarms on Kura's own metrics, as this process evaluates them (CloudWatch's rules): state, reason, history (staff)",
  security: [{ bearer: [] }],
  responses: {
    200: {
      description: 'The alarms',
      content: { 'application/json': { schema: z.object({ items: z.array(alarmSchema) }) } },
    },
    ...errorResponses(401, 403),
  },
});

export type OpsAlarmsResponse = z.infer<
  (typeof listOpsAlarmsRoute)['responses'][200]['content']['application/json']['schema']
>;

export function createAlarmsRouter(deps: { alarms: AlarmMonitor }): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(listOpsAlarmsRoute, (c) => {
    requireUser(c, 'staff', 'admin');
    const items = deps.alarms.list().map(({ definition, ...status }) => ({
      id: status.id,
      description: definition.description,
      metric: definition.metric,
      statistic: definition.statistic,
      periodSeconds: definition.periodSeconds,
      comparison: definition.comparison,
      threshold: definition.threshold,
      evaluationPeriods: definition.evaluationPeriods,
      datapointsToAlarm: definition.datapointsToAlarm,
      missingData: definition.missingData,
      state: status.state,
      reason: status.reason,
      since: status.since,
      evaluatedAt: status.evaluatedAt,
      datapoints: status.datapoints,
      history: status.history,
    }));
    return c.json({ items }, 200);
  });
  return router;
}
