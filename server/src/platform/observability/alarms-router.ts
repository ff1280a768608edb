import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/authenticate.js';
import { type AppEnv, createRouter } from '../http/app-env.js';
import { errorResponses } from '../http/errors.js';
import { type AlarmMonitor, alarmStates, kuraAlarms } from './alarms.js';
import { type AlarmId, metricCatalogue } from './catalogue.js';

const stateSchema = z.enum(alarmStates);

const count = z.int().min(0);
const causeSchema = z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('notEvaluated') }),
    z.object({ code: z.literal('noData'), periods: count, kept: z.boolean() }),
    z.object({ code: z.enum(['crossed', 'notCrossed']), breaching: count, judged: count, missing: count }),
    z.object({ code: z.literal('fewAllBreaching'), breaching: count, judged: count, kept: z.boolean() }),
  ])
  .openapi('OpsAlarmCause', {
    description:
      "Why the alarm is in its state, as data the console words in its reader's language (`reason` is the same in English)",
  });

const alarmSchema = z
  .object({
    id: z.enum(kuraAlarms().map(([id]) => id) as [AlarmId, ...AlarmId[]]).openapi({ example: 'ConsumerFailing' }),
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
    cause: causeSchema,
    reason: z.string().openapi({ example: 'Threshold crossed: 2 out of the last 3 datapoints were greater than 2' }),
    since: z.iso.datetime().openapi({ description: 'When the alarm entered its state' }),
    evaluatedAt: z.iso.datetime().nullable(),
    datapoints: z
      .array(z.object({ timestamp: z.iso.datetime(), value: z.number().nullable() }))
      .openapi({ description: "The last evaluation's periods, oldest first; null: no data in the period" }),
    history: z
      .array(
        z.object({
          time: z.iso.datetime(),
          from: stateSchema,
          to: stateSchema,
          cause: causeSchema,
          reason: z.string(),
        }),
      )
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
      cause: status.cause,
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
