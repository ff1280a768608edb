import { and, eq, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../platform/db/database.js';
import { enqueueEvent } from '../../platform/events/outbox.js';
import { metrics } from '../../platform/observability/metrics.js';
import {
  type AlertCondition,
  type AlertState,
  type AlertTransition,
  type Evaluation,
  evaluateReadings,
  evaluateSilence,
} from './alert-evaluator.js';
import { telemetryEvents } from './events.js';
import type { Reading, ReadingsStore } from './ports.js';
import { type AlertClearReason, type AlertRuleRow, alertRules, alerts, type DeviceRow, devices } from './schema.js';

/**
 * Alert rules meet the database: the evaluator's transitions become alert
 * history rows and AlertRaised / AlertCleared in the outbox, in the
 * transaction that moves the rule's state, with the rule's row locked so two
 * evaluations of one device (two ingest requests, a redelivered message, the
 * silence job) take turns and the second sees what the first did.
 */

export function conditionOf(rule: AlertRuleRow): AlertCondition {
  if (rule.kind === 'silence') return { kind: 'silence', forSeconds: rule.forSeconds };
  if (rule.metric === null || rule.threshold === null || rule.clearThreshold === null) {
    throw new Error(`alert rule ${rule.id} lacks its threshold (the table's check should have refused it)`);
  }
  return {
    kind: rule.kind,
    metric: rule.metric,
    threshold: rule.threshold,
    clearThreshold: rule.clearThreshold,
    forSeconds: rule.forSeconds,
    clearForSeconds: rule.clearForSeconds,
  };
}

const stateOf = (rule: AlertRuleRow): AlertState => ({
  phase: rule.phase,
  since: rule.phaseSince,
  lastReadingAt: rule.lastReadingAt,
});

type DeviceNames = Pick<DeviceRow, 'id' | 'nameJa' | 'nameEn'>;

/** Closes the rule's open alert (if any) and announces it; the caller holds the rule's row lock. */
export async function clearOpenAlert(
  tx: DatabaseOrTransaction,
  params: { rule: AlertRuleRow; at: Date; value: number | null; because: AlertClearReason },
): Promise<boolean> {
  const { rule } = params;
  if (!rule.openAlertId) return false;
  const [closed] = await tx
    .update(alerts)
    .set({ clearedAt: params.at, clearedValue: params.value, clearedBecause: params.because })
    .where(and(eq(alerts.id, rule.openAlertId), sql`${alerts.clearedAt} is null`))
    .returning({ id: alerts.id });
  if (!closed) return false;
  await enqueueEvent(tx, {
    event: telemetryEvents.AlertCleared,
    key: rule.deviceId,
    payload: {
      alertId: closed.id,
      ruleId: rule.id,
      deviceId: rule.deviceId,
      clearedAt: params.at.toISOString(),
      because: params.because,
    },
  });
  return true;
}

async function raiseAlert(
  tx: DatabaseOrTransaction,
  params: { rule: AlertRuleRow; device: DeviceNames; transition: Extract<AlertTransition, { kind: 'raised' }> },
): Promise<string> {
  const { rule, device, transition } = params;
  const [alert] = await tx
    .insert(alerts)
    .values({
      deviceId: rule.deviceId,
      ruleId: rule.id,
      kind: rule.kind,
      metric: rule.metric,
      threshold: rule.threshold,
      forSeconds: rule.forSeconds,
      conditionSince: transition.conditionSince,
      raisedAt: transition.at,
      raisedValue: transition.value,
    })
    .returning({ id: alerts.id });
  if (!alert) throw new Error('alert insert returned nothing');
  await enqueueEvent(tx, {
    event: telemetryEvents.AlertRaised,
    key: rule.deviceId,
    payload: {
      alertId: alert.id,
      ruleId: rule.id,
      deviceId: rule.deviceId,
      deviceNameJa: device.nameJa,
      deviceNameEn: device.nameEn,
      kind: rule.kind,
      metric: rule.metric,
      threshold: rule.threshold,
      value: transition.value,
      conditionSince: transition.conditionSince.toISOString(),
      raisedAt: transition.at.toISOString(),
    },
  });
  // counted as it is written, like the order outcomes: a trend, not a ledger
  metrics.count('AlertsRaised');
  return alert.id;
}

/**
 * Whether the alert is still raised, holding a share lock on it until the
 * caller's transaction ends: clearing it waits, so a task added under the
 * lock is there for the clear's AlertCleared to complete.
 */
export async function shareLockOpenAlert(tx: DatabaseOrTransaction, params: { alertId: string }): Promise<boolean> {
  const [row] = await tx
    .select({ clearedAt: alerts.clearedAt })
    .from(alerts)
    .where(eq(alerts.id, params.alertId))
    .for('share');
  return row !== undefined && row.clearedAt === null;
}

export type AppliedTransitions = { raised: number; cleared: number };

/** Writes one rule's evaluation: its new state, its history rows and events. The caller holds the row lock. */
async function applyEvaluation(
  tx: DatabaseOrTransaction,
  params: { rule: AlertRuleRow; device: DeviceNames; evaluation: Evaluation },
): Promise<AppliedTransitions> {
  let rule = params.rule;
  const counts = { raised: 0, cleared: 0 };
  for (const transition of params.evaluation.transitions) {
    if (transition.kind === 'raised') {
      const openAlertId = await raiseAlert(tx, { rule, device: params.device, transition });
      rule = { ...rule, openAlertId };
      counts.raised++;
    } else {
      if (await clearOpenAlert(tx, { rule, at: transition.at, value: transition.value, because: 'recovered' })) {
        counts.cleared++;
      }
      rule = { ...rule, openAlertId: null };
    }
  }
  const { state } = params.evaluation;
  await tx
    .update(alertRules)
    .set({
      phase: state.phase,
      phaseSince: state.since,
      lastReadingAt: state.lastReadingAt,
      openAlertId: rule.openAlertId,
    })
    .where(eq(alertRules.id, rule.id));
  return counts;
}

/** The device's readings in [from, to], a bounded number of pages (a message names a batch's range). */
async function readingsIn(store: ReadingsStore, params: { deviceId: string; from: Date; to: Date }) {
  const found: Reading[] = [];
  let cursor: string | undefined;
  const pageSize = 1000;
  const to = new Date(params.to.getTime() + 1);
  for (let page = 0; page < 50; page++) {
    const result = await store.list({ deviceId: params.deviceId, from: params.from, to, cursor, limit: pageSize });
    found.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return found;
}

function prepareHasRules(db: Database) {
  return db
    .select({ id: alertRules.id })
    .from(alertRules)
    .where(and(eq(alertRules.deviceId, sql.placeholder('deviceId')), eq(alertRules.enabled, true)))
    .limit(1)
    .prepare('telemetry_device_has_enabled_alert_rules');
}

/** Asked after every ingest request: built once per database and planned once per connection, not each time. */
const hasRulesQueries = new WeakMap<Database, ReturnType<typeof prepareHasRules>>();

function hasEnabledRules(db: Database, deviceId: string) {
  let query = hasRulesQueries.get(db);
  if (!query) {
    query = prepareHasRules(db);
    hasRulesQueries.set(db, query);
  }
  return query.execute({ deviceId });
}

/**
 * Evaluates the device's enabled rules against its readings in [from, to]
 * (what one ingest request stored). Readings are read before the transaction:
 * the store may live elsewhere (DynamoDB), and on PGlite the outer connection
 * cannot be used inside one. Stored readings never change, so reading them
 * early is safe; the locked rule state decides which of them are new.
 */
export async function evaluateDeviceReadings(
  db: Database,
  params: { deviceId: string; from: Date; to: Date; readings: ReadingsStore },
): Promise<AppliedTransitions> {
  const counts = { raised: 0, cleared: 0 };
  const [hasRules] = await hasEnabledRules(db, params.deviceId);
  if (!hasRules) return counts;
  const batch = await readingsIn(params.readings, params);
  if (batch.length === 0) return counts;
  return db.transaction(async (tx) => {
    const [device] = await tx
      .select({ id: devices.id, nameJa: devices.nameJa, nameEn: devices.nameEn })
      .from(devices)
      .where(eq(devices.id, params.deviceId));
    if (!device) return counts;
    const rules = await tx
      .select()
      .from(alertRules)
      .where(and(eq(alertRules.deviceId, params.deviceId), eq(alertRules.enabled, true)))
      .orderBy(alertRules.id)
      .for('update');
    for (const rule of rules) {
      const evaluation = evaluateReadings(conditionOf(rule), stateOf(rule), batch);
      const applied = await applyEvaluation(tx, { rule, device, evaluation });
      counts.raised += applied.raised;
      counts.cleared += applied.cleared;
    }
    return counts;
  });
}

/**
 * The silence rules' clock (a scheduled job): raises each enabled silence
 * rule of an enabled device that heard nothing for its duration. Up to
 * `limit` rules per run; a rule another run holds is skipped, not waited for.
 */
export async function raiseSilentAlerts(db: Database, params: { now: Date; limit: number }): Promise<number> {
  const candidates = await db
    .select({ id: alertRules.id })
    .from(alertRules)
    .innerJoin(devices, eq(devices.id, alertRules.deviceId))
    .where(
      and(
        eq(alertRules.kind, 'silence'),
        eq(alertRules.enabled, true),
        eq(alertRules.phase, 'ok'),
        eq(devices.enabled, true),
        sql`greatest(${alertRules.lastReadingAt}, ${alertRules.watchingSince})
              + make_interval(secs => ${alertRules.forSeconds}) <= ${params.now.toISOString()}::timestamptz`,
      ),
    )
    .limit(params.limit);
  let raised = 0;
  for (const candidate of candidates) {
    raised += await db.transaction(async (tx) => {
      const [rule] = await tx
        .select()
        .from(alertRules)
        .where(eq(alertRules.id, candidate.id))
        .for('update', { skipLocked: true });
      if (!rule?.enabled) return 0;
      const [device] = await tx
        .select({ id: devices.id, nameJa: devices.nameJa, nameEn: devices.nameEn })
        .from(devices)
        .where(eq(devices.id, rule.deviceId));
      if (!device) return 0;
      const evaluation = evaluateSilence(conditionOf(rule), stateOf(rule), {
        now: params.now,
        watchingSince: rule.watchingSince,
      });
      return (await applyEvaluation(tx, { rule, device, evaluation })).raised;
    });
  }
  return raised;
}
