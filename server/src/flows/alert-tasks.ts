import { listStaffMembers } from '../modules/identity/public.js';
import { type AlertRaised, shareLockOpenAlert, telemetryEvents } from '../modules/telemetry/public.js';
import { addSourcedTodos, completeSourcedTodos } from '../modules/todos/public.js';
import type { Database } from '../platform/db/database.js';
import type { EventHandler } from '../platform/events/consumer.js';
import { defineSteps, type Flow, flowHandlers } from '../platform/events/flow.js';

/** The todos of one alert, whoever holds them. */
export const alertTaskSource = (alertId: string) => `alert:${alertId}`;

const units = { temperature: '°C', humidity: '%RH' } as const;

/** Minutes the condition has held at the raise, as staff read it ("12 分"). */
const minutesOf = (raised: AlertRaised) =>
  Math.max(1, Math.round((Date.parse(raised.raisedAt) - Date.parse(raised.conditionSince)) / 60_000));

/** "蔵1 冷蔵庫: 9.4 °C が 12 分続いています" / "Storehouse 1 fridge: 9.4 °C for 12 minutes". */
export const alertTaskTitles = {
  ja(raised: AlertRaised): string {
    const minutes = minutesOf(raised);
    if (raised.kind === 'silence' || raised.metric === null || raised.value === null) {
      return `${raised.deviceNameJa}: ${minutes} 分間 報告がありません`;
    }
    return `${raised.deviceNameJa}: ${raised.value.toFixed(1)} ${units[raised.metric]} が ${minutes} 分続いています`;
  },
  en(raised: AlertRaised): string {
    const minutes = minutesOf(raised);
    if (raised.kind === 'silence' || raised.metric === null || raised.value === null) {
      return `${raised.deviceNameEn}: no reading for ${minutes} minutes`;
    }
    const limit = raised.threshold === null ? '' : ` (${raised.kind} ${raised.threshold} ${units[raised.metric]})`;
    return `${raised.deviceNameEn}: ${raised.value.toFixed(1)} ${units[raised.metric]} for ${minutes} minutes${limit}`;
  },
};

/**
 * Alerts become staff tasks: AlertRaised → every active staff member and
 * admin (the people on duty; the same list pack tasks go to) gets the alert
 * in their todos, in their language, linking to the device; AlertCleared →
 * those todos are completed for everyone at once.
 */
const step = defineSteps<{ db: Database }>();

/**
 * Idempotent: a unique (user, source) index makes a redelivered AlertRaised
 * add nothing, and the task is only added while the alert is still open,
 * under a share lock on it, so a late or redelivered AlertRaised cannot bring
 * back the task of an alert that already cleared (the clear waits for the
 * lock, then its AlertCleared completes what was added).
 */
export const createAlertTasks = step({
  name: 'create alert tasks',
  on: telemetryEvents.AlertRaised,
  async run(raised, { db }) {
    await db.transaction(async (tx) => {
      if (!(await shareLockOpenAlert(tx, { alertId: raised.alertId }))) return;
      const staff = await listStaffMembers(tx);
      await addSourcedTodos(tx, {
        sourceKey: alertTaskSource(raised.alertId),
        link: `/admin/telemetry/${raised.deviceId}`,
        todos: staff.map((member) => ({ userId: member.id, title: alertTaskTitles[member.locale](raised) })),
      });
    });
  },
});

/** The alert cleared itself (or its rule changed): the task is done for everyone. */
export const completeAlertTasks = step({
  name: 'complete alert tasks',
  on: telemetryEvents.AlertCleared,
  async run({ alertId }, { db }) {
    await completeSourcedTodos(db, { sourceKey: alertTaskSource(alertId) });
  },
});

export const alertTasks: Flow<{ db: Database }> = {
  name: 'alert tasks',
  steps: [createAlertTasks, completeAlertTasks],
};

/** The alert flow's handlers, for whichever process consumes the events (local or the worker). */
export function alertEventHandlers(options: { db: Database }): EventHandler[] {
  return flowHandlers(alertTasks, { db: options.db });
}
