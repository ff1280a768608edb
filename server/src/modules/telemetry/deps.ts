import type { Database } from '../../platform/db/database.js';
import type { RateLimiter } from '../../platform/http/rate-limiter.js';
import type { DeviceKeyChecker } from './device-keys.js';
import type { ReadingsStore, ReadingsStoredNotifier, RecordAudit } from './ports.js';

/** What the telemetry routes need, built once by the composition root. */
export type TelemetryDeps = {
  db: Database;
  readings: ReadingsStore;
  recordAudit: RecordAudit;
  /** Device keys as ingest checks them (remembered briefly); the key routes make it forget a device they change. */
  deviceKeys: DeviceKeyChecker;
  /** Ingest requests per device (the API's one rate limiter, keyed by device id). */
  ingestLimiter: RateLimiter;
  /** Where ingest says readings were stored: the alert evaluation (in process, or its queue). */
  readingsStored: ReadingsStoredNotifier;
  /** The clock key lifetimes and reading instants are judged by (tests move it). */
  now: () => Date;
};
