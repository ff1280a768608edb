import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.js';
import { keyset } from '../../platform/db/keyset.js';
import type { AlertRuleInput } from './alert-api-schemas.js';
import { clearOpenAlert } from './alert-evaluation.js';
import type { RecordAudit } from './ports.js';
import { type AlertRuleRow, alertRules, alerts, devices } from './schema.js';

/**
 * Staff's alert rules: created, replaced and removed in one transaction with
 * their audit entry (under the device, like the device's own changes). A
 * change to a rule ends whatever it had raised (AlertCleared, so the staff
 * tasks close) and starts it afresh: an alert raised under the old threshold
 * is not the new rule's to clear.
 */

/** What a rule's row holds of the input: the defaults filled in, threshold-only fields null for silence. */
function ruleValues(input: AlertRuleInput) {
  if (input.kind === 'silence') {
    return {
      kind: input.kind,
      metric: null,
      threshold: null,
      clearThreshold: null,
      forSeconds: input.forSeconds,
      clearForSeconds: 0,
      enabled: input.enabled,
    };
  }
  return {
    kind: input.kind,
    metric: input.metric,
    threshold: input.threshold,
    clearThreshold: input.clearThreshold ?? input.threshold,
    forSeconds: input.forSeconds,
    clearForSeconds: input.clearForSeconds,
    enabled: input.enabled,
  };
}

/** What the audit log keeps of a rule: what staff set, not its evaluation state. */
const audited = (row: AlertRuleRow) => ({
  ruleId: row.id,
  kind: row.kind,
  metric: row.metric,
  threshold: row.threshold,
  clearThreshold: row.clearThreshold,
  forSeconds: row.forSeconds,
  clearForSeconds: row.clearForSeconds,
  enabled: row.enabled,
});

/** A fresh state: nothing pending, nothing raised, silence counted from now. */
const freshState = { phase: 'ok' as const, phaseSince: null, openAlertId: null, watchingSince: sql`now()` };

export async function listAlertRules(db: DatabaseOrTransaction, params: { deviceId: string }) {
  return db
    .select()
    .from(alertRules)
    .where(eq(alertRules.deviceId, params.deviceId))
    .orderBy(asc(alertRules.createdAt), asc(alertRules.id));
}

/** Undefined when there is no such device. */
export async function createAlertRule(
  db: Database,
  params: { deviceId: string; input: AlertRuleInput; actorId: string; recordAudit: RecordAudit },
) {
  return db.transaction(async (tx) => {
    const [device] = await tx.select({ id: devices.id }).from(devices).where(eq(devices.id, params.deviceId));
    if (!device) return undefined;
    const [rule] = await tx
      .insert(alertRules)
      .values({ deviceId: device.id, ...ruleValues(params.input), createdBy: params.actorId })
      .returning();
    if (!rule) throw new Error('alert rule insert returned nothing');
    await params.recordAudit(tx, {
      actorId: params.actorId,
      action: 'telemetry_alert_rule.created',
      subjectType: 'telemetry_device',
      subjectId: device.id,
      after: audited(rule),
    });
    return rule;
  });
}

async function lockRule(tx: DatabaseOrTransaction, params: { deviceId: string; ruleId: string }) {
  const [rule] = await tx
    .select()
    .from(alertRules)
    .where(and(eq(alertRules.id, params.ruleId), eq(alertRules.deviceId, params.deviceId)))
    .for('update');
  return rule;
}

/** Replaces what the rule says; undefined when the device has no such rule. */
export async function replaceAlertRule(
  db: Database,
  params: {
    deviceId: string;
    ruleId: string;
    input: AlertRuleInput;
    now: Date;
    actorId: string;
    recordAudit: RecordAudit;
  },
) {
  return db.transaction(async (tx) => {
    const before = await lockRule(tx, params);
    if (!before) return undefined;
    await clearOpenAlert(tx, { rule: before, at: params.now, value: null, because: 'rule_changed' });
    const [after] = await tx
      .update(alertRules)
      .set({ ...ruleValues(params.input), ...freshState, updatedAt: sql`now()` })
      .where(eq(alertRules.id, before.id))
      .returning();
    if (!after) throw new Error('alert rule update returned nothing');
    await params.recordAudit(tx, {
      actorId: params.actorId,
      action: 'telemetry_alert_rule.changed',
      subjectType: 'telemetry_device',
      subjectId: params.deviceId,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

/** Removes the rule (its history stays); false when the device has no such rule. */
export async function removeAlertRule(
  db: Database,
  params: { deviceId: string; ruleId: string; now: Date; actorId: string; recordAudit: RecordAudit },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rule = await lockRule(tx, params);
    if (!rule) return false;
    await clearOpenAlert(tx, { rule, at: params.now, value: null, because: 'rule_removed' });
    await tx.delete(alertRules).where(eq(alertRules.id, rule.id));
    await params.recordAudit(tx, {
      actorId: params.actorId,
      action: 'telemetry_alert_rule.removed',
      subjectType: 'telemetry_device',
      subjectId: params.deviceId,
      before: audited(rule),
    });
    return true;
  });
}

/** The device's alerts, newest raised first, a page at a time. */
export async function listAlerts(
  db: DatabaseOrTransaction,
  params: { deviceId: string; cursor?: string | undefined; limit: number },
) {
  const paging = keyset(
    {
      sort: 'newest',
      keys: [{ column: alerts.raisedAt, kind: 'instant', direction: 'desc' }],
      id: { column: alerts.id, kind: 'uuid', direction: 'desc' },
    },
    params.cursor,
  );
  const rows = await db
    .select({ ...getTableColumns(alerts), ...paging.select })
    .from(alerts)
    .where(and(eq(alerts.deviceId, params.deviceId), paging.after))
    .orderBy(...paging.orderBy)
    .limit(params.limit + 1);
  return paging.page(rows, params.limit);
}

/** The alerts still raised on these devices, newest first (a handful: one per rule at most). */
export async function listOpenAlerts(db: DatabaseOrTransaction, params: { deviceIds: readonly string[] }) {
  if (params.deviceIds.length === 0) return [];
  return db
    .select()
    .from(alerts)
    .where(and(inArray(alerts.deviceId, [...params.deviceIds]), isNull(alerts.clearedAt)))
    .orderBy(desc(alerts.raisedAt), desc(alerts.id));
}
