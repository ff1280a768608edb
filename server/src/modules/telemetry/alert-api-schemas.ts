import { z } from '@hono/zod-openapi';
import { pageParams } from '../../platform/http/cursor.js';
import { alertKinds, alertMetrics, alertPhases } from './alert-evaluator.js';
import { temperatureRange } from './ingest-readings.js';
import { alertClearReasons } from './schema.js';

/** The alert rules' and alert history's staff contract. */

const metricRange = { temperature: temperatureRange, humidity: { min: 0, max: 100 } } as const;
const day = 86_400;

const duration = (what: string, min: number) =>
  z
    .int({ error: 'must be a whole number of seconds' })
    .min(min, `must be at least ${min} seconds`)
    .max(day, 'must be at most a day (86400 seconds)')
    .openapi({ description: what });

const enabled = z
  .boolean({ error: 'must be true or false' })
  .default(true)
  .openapi({ description: 'A disabled rule is not evaluated' });

const thresholdRule = <K extends 'above' | 'below'>(kind: K, description: string) =>
  z
    .strictObject({
      kind: z.literal(kind),
      metric: z.enum(alertMetrics, { error: `must be one of ${alertMetrics.join(', ')}` }),
      threshold: z.number({ error: 'must be a number (°C or %RH)' }),
      clearThreshold: z.number({ error: 'must be a number (°C or %RH)' }).optional().openapi({
        description:
          'Hysteresis: a raised alert clears only at or beyond this (above: at or below it; below: at or above it). Default: the threshold',
      }),
      forSeconds: duration('How long the threshold must be broken before the alert is raised (0: at once)', 0),
      clearForSeconds: duration('How long the clear condition must hold before the alert clears', 0).default(0),
      enabled,
    })
    .openapi({ description });

const silenceRule = z
  .strictObject({
    kind: z.literal('silence'),
    forSeconds: duration('Raised when no reading came for this long', 60),
    enabled,
  })
  .openapi({ description: 'No reading for `forSeconds`' });

export const alertRuleInputSchema = z
  .discriminatedUnion(
    'kind',
    [
      thresholdRule('above', 'Warmer or damper than `threshold` for `forSeconds`'),
      thresholdRule('below', 'Colder or drier than `threshold` for `forSeconds`'),
      silenceRule,
    ],
    { error: `kind must be one of ${alertKinds.join(', ')}` },
  )
  .superRefine((rule, ctx) => {
    if (rule.kind === 'silence') return;
    const range = metricRange[rule.metric];
    for (const field of ['threshold', 'clearThreshold'] as const) {
      const value = rule[field];
      if (value !== undefined && (value < range.min || value > range.max)) {
        ctx.addIssue({
          code: 'custom',
          params: { code: 'out_of_range' },
          path: [field],
          message: `must be between ${range.min} and ${range.max} for ${rule.metric}`,
        });
      }
    }
    const clear = rule.clearThreshold ?? rule.threshold;
    if (rule.kind === 'above' ? clear > rule.threshold : clear < rule.threshold) {
      ctx.addIssue({
        code: 'custom',
        params: { code: 'CLEAR_THRESHOLD_WRONG_SIDE' },
        path: ['clearThreshold'],
        message:
          rule.kind === 'above'
            ? 'must be at or below the threshold (the alert clears when it is cool again)'
            : 'must be at or above the threshold (the alert clears when it is warm again)',
      });
    }
  })
  .openapi('AlertRuleInput');

export type AlertRuleInput = z.infer<typeof alertRuleInputSchema>;

export const alertRuleSchema = z
  .object({
    id: z.uuid(),
    deviceId: z.uuid(),
    kind: z.enum(alertKinds),
    metric: z.enum(alertMetrics).nullable(),
    threshold: z.number().nullable(),
    clearThreshold: z.number().nullable(),
    forSeconds: z.int(),
    clearForSeconds: z.int(),
    enabled: z.boolean(),
    phase: z.enum(alertPhases).openapi({
      description:
        'ok → pending (breaking, not yet for long enough) → raised → clearing (clear, not yet for long enough)',
    }),
    phaseSince: z.iso.datetime().nullable().openapi({ description: 'When the pending or clearing period began' }),
    openAlertId: z.uuid().nullable().openapi({ description: 'The raised alert, while there is one' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('AlertRule');

export const alertRuleListSchema = z.object({ items: z.array(alertRuleSchema) }).openapi('AlertRuleList');

export const alertSchema = z
  .object({
    id: z.uuid(),
    ruleId: z.uuid(),
    kind: z.enum(alertKinds),
    metric: z.enum(alertMetrics).nullable(),
    threshold: z.number().nullable(),
    forSeconds: z.int(),
    conditionSince: z.iso.datetime().openapi({ description: 'When the condition began to hold' }),
    raisedAt: z.iso.datetime(),
    raisedValue: z.number().nullable().openapi({ description: 'The reading that raised it; null for silence' }),
    clearedAt: z.iso.datetime().nullable().openapi({ description: 'null while the alert is raised' }),
    clearedValue: z.number().nullable(),
    clearedBecause: z.enum(alertClearReasons).nullable(),
  })
  .openapi('Alert');

export const alertListSchema = z
  .object({ items: z.array(alertSchema), nextCursor: z.string().nullable() })
  .openapi('AlertList', { description: 'Newest first' });

export const alertRuleParamsSchema = z.object({
  id: z.uuid({ error: 'must be a device id' }).openapi({ param: { name: 'id', in: 'path' } }),
  ruleId: z.uuid({ error: 'must be an alert rule id' }).openapi({ param: { name: 'ruleId', in: 'path' } }),
});

export const listAlertsQuerySchema = z.object({ ...pageParams(20) });
