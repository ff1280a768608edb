/**
 * Telemetry's public surface: all that flows, the composition root and entry
 * points may use of it (a dependency-cruiser rule refuses any other import
 * from outside the module). Storehouse sensors: devices and their keys, the
 * readings they post, the readings store, and alert rules on them, which
 * publish AlertRaised / AlertCleared.
 */

/** The readings store in the main PostgreSQL database (PGlite or a server). */
export { createPostgresReadingsStore, pruneReadings } from './adapters/postgres-readings-store.js';
/** On AWS, ingest queues stored readings for the alert Lambda. */
export { createSqsAlertNotifier } from './adapters/sqs-alert-notifier.js';
export { evaluateDeviceReadings, raiseSilentAlerts, shareLockOpenAlert } from './alert-evaluation.js';
/** Locally, readings stored by ingest are evaluated in the same process. */
export { createInProcessAlertNotifier } from './alert-notifiers.js';
/** The alert queue's batch handler (the alert Lambda on AWS) and its message. */
export {
  createAlertQueueHandler,
  parseReadingsStoredMessage,
  type ReadingsStoredMessage,
  readingsStoredMessageSchema,
  toReadingsStoredMessage,
} from './alert-queue.js';
export type { TelemetryDeps } from './deps.js';
/** Device keys as ingest checks them, remembered for a few seconds; the key routes make it forget a changed device. */
export { createDeviceKeyChecker } from './device-keys.js';
/** Devices for a one-time load (the demo storehouse): no keys, no audit entries. */
export { createDevices } from './devices.js';
export { type AlertCleared, type AlertRaised, telemetryEvents } from './events.js';
/** How long readings are kept: older ones are refused at ingest and pruned by the retention job. */
export { readingRetentionDays } from './ingest-readings.js';
/** The store TELEMETRY_STORE names (PostgreSQL or DynamoDB), for the composition roots. */
export { openReadingsStore } from './open-readings-store.js';
export type { Reading, ReadingsStore, ReadingsStoredNotice, ReadingsStoredNotifier, RecordAudit } from './ports.js';
/** The devices' endpoint, POST /ingest/v1/readings (public: a device key authenticates it). */
export { createIngestRouter } from './routes/ingest-route.js';
/** Devices and their keys for staff. */
export { createTelemetryRouter } from './telemetry-router.js';
