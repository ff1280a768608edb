import type { Database } from '../../platform/db/database.js';
import type { RecordAudit } from './ports.js';

/** What the telemetry routes need, built once by the composition root. */
export type TelemetryDeps = {
  db: Database;
  recordAudit: RecordAudit;
  /** The clock key lifetimes are judged by (tests move it). */
  now?: () => Date;
};
