import type { z } from '@hono/zod-openapi';
import type { alertRuleSchema, alertSchema } from './alert-api-schemas.js';
import type { AlertRow, AlertRuleRow } from './schema.js';

export function toAlertRule(row: AlertRuleRow): z.infer<typeof alertRuleSchema> {
  return {
    id: row.id,
    deviceId: row.deviceId,
    kind: row.kind,
    metric: row.metric,
    threshold: row.threshold,
    clearThreshold: row.clearThreshold,
    forSeconds: row.forSeconds,
    clearForSeconds: row.clearForSeconds,
    enabled: row.enabled,
    phase: row.phase,
    phaseSince: row.phaseSince?.toISOString() ?? null,
    openAlertId: row.openAlertId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toAlert(row: AlertRow): z.infer<typeof alertSchema> {
  return {
    id: row.id,
    ruleId: row.ruleId,
    kind: row.kind,
    metric: row.metric,
    threshold: row.threshold,
    forSeconds: row.forSeconds,
    conditionSince: row.conditionSince.toISOString(),
    raisedAt: row.raisedAt.toISOString(),
    raisedValue: row.raisedValue,
    clearedAt: row.clearedAt?.toISOString() ?? null,
    clearedValue: row.clearedValue,
    clearedBecause: row.clearedBecause,
  };
}
