import type { Database } from '../../platform/db/database.js';
import type { Logger } from '../../platform/observability/logger.js';
import { evaluateDeviceReadings } from './alert-evaluation.js';
import type { ReadingsStore, ReadingsStoredNotifier } from './ports.js';

/**
 * The local ReadingsStoredNotifier: the alert rules are evaluated in this
 * process right after the readings committed, before ingest answers, so a
 * breach is an alert by the time the device hears 200. A failed evaluation is
 * logged and the readings stay stored (the next request's evaluation, or the
 * silence job, goes on from the rule's state).
 */
export function createInProcessAlertNotifier(deps: {
  db: Database;
  readings: ReadingsStore;
  logger: Logger;
  /** Something was written to the outbox: the relay may publish now. */
  afterChange: () => void;
}): ReadingsStoredNotifier {
  return async (notice) => {
    try {
      const applied = await evaluateDeviceReadings(deps.db, { ...notice, readings: deps.readings });
      if (applied.raised + applied.cleared > 0) deps.afterChange();
    } catch (error) {
      deps.logger.error({ err: error, deviceId: notice.deviceId }, 'alert evaluation after ingest failed');
    }
  };
}
