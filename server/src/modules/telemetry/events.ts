import { z } from 'zod';
import { defineEvent, type PayloadOf } from '../../platform/events/event-definition.js';
import { alertKinds, alertMetrics } from './alert-evaluator.js';
import { alertClearReasons } from './schema.js';

/**
 * Telemetry's events, keyed by the device so one device's alerts stay in
 * order. Written to the outbox in the transaction that changes the alert's
 * state (alert-evaluation.ts, alert-rules.ts); the flows turn them into staff
 * tasks.
 */
export const telemetryEvents = {
  AlertRaised: defineEvent({
    type: 'AlertRaised',
    version: 1,
    description:
      'A device broke one of its alert rules (too warm, too cold, too damp, too dry, or silent) for the rule’s duration.',
    payload: z.object({
      alertId: z.uuid(),
      ruleId: z.uuid(),
      deviceId: z.uuid(),
      /** The device's names as they were at the raise, so a task can be written without asking telemetry. */
      deviceNameJa: z.string().min(1),
      deviceNameEn: z.string().min(1),
      kind: z.enum(alertKinds),
      metric: z.enum(alertMetrics).nullable(),
      threshold: z.number().nullable(),
      /** The reading that raised it (°C or %RH); null for silence. */
      value: z.number().nullable(),
      /** When the condition began to hold. */
      conditionSince: z.iso.datetime(),
      raisedAt: z.iso.datetime(),
    }),
  }),
  AlertCleared: defineEvent({
    type: 'AlertCleared',
    version: 1,
    description: 'A raised alert is over: the readings came back past the clear threshold, or its rule changed.',
    payload: z.object({
      alertId: z.uuid(),
      ruleId: z.uuid(),
      deviceId: z.uuid(),
      clearedAt: z.iso.datetime(),
      because: z.enum(alertClearReasons),
    }),
  }),
} as const;

export type AlertRaised = PayloadOf<typeof telemetryEvents.AlertRaised>;
export type AlertCleared = PayloadOf<typeof telemetryEvents.AlertCleared>;
