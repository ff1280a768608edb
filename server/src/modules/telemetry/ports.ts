import type { DatabaseOrTransaction } from '../../platform/db/database.js';

/**
 * What telemetry needs from outside itself, wired by the composition root
 * (app.ts), and the readings store port its adapters implement.
 */

/** Identity's audit log, written in the caller's transaction so a change and its record commit together. */
export type RecordAudit = (
  tx: DatabaseOrTransaction,
  entry: {
    actorId: string;
    action: string;
    subjectType: 'telemetry_device';
    subjectId: string;
    before?: unknown;
    after?: unknown;
  },
) => Promise<void>;

/** One measurement as stored: the instant is the device's own clock (UTC), to the millisecond. */
export type Reading = { ts: Date; temperature: number; humidity: number; status: string };

export const bucketWidths = ['1m', '5m', '1h', '1d'] as const;
export type BucketWidth = (typeof bucketWidths)[number];

/** count/avg/min/max of one metric in one bucket; avg/min/max are null when the bucket is empty. */
export type MetricSummary = { avg: number | null; min: number | null; max: number | null };
export type Bucket = {
  /** The bucket's first instant; day buckets start at midnight in the asked time zone. */
  start: Date;
  count: number;
  temperature: MetricSummary;
  humidity: MetricSummary;
};

export type ReadingsPage = { items: Reading[]; nextCursor: string | null };

/**
 * Where readings live: PostgreSQL (adapters/postgres-readings-store.ts) here
 * and wherever DATABASE_URL points; DynamoDB on AWS next. Every adapter passes
 * readings-store.contract.ts.
 */
export type ReadingsStore = {
  /**
   * Stores the readings of one device that are new; a reading whose instant
   * the device already has (stored before, or earlier in the same batch)
   * changes nothing and counts as a duplicate. All new readings are written
   * or none (the caller may retry the whole batch: the repeats are duplicates).
   */
  append(params: { deviceId: string; readings: readonly Reading[] }): Promise<{ accepted: number; duplicates: number }>;
  /** Each device's newest reading; a device with none is absent from the map. */
  latest(params: { deviceIds: readonly string[] }): Promise<Map<string, Reading>>;
  /** Raw readings in [from, to), oldest first, a page at a time (the cursor is the adapter's own). */
  list(params: {
    deviceId: string;
    from: Date;
    to: Date;
    cursor?: string | undefined;
    limit: number;
  }): Promise<ReadingsPage>;
  /**
   * Every bucket of the width in [from, to) — empty ones too, so gaps stay
   * visible — with count/avg/min/max per metric. Buckets are cut on the wall
   * clock of `timeZone` (an IANA name), so a day starts at local midnight.
   */
  buckets(params: { deviceId: string; from: Date; to: Date; width: BucketWidth; timeZone: string }): Promise<Bucket[]>;
};

/** One ingest request stored readings of the device with instants in [from, to]. */
export type ReadingsStoredNotice = { deviceId: string; from: Date; to: Date };

/**
 * Where ingest says that readings were stored, so their alert rules are
 * evaluated after the readings committed: in this process locally (the
 * evaluation itself), a message on the alert queue on AWS (alert-queue.ts's
 * body, read by entry/alert-lambda.ts). It never fails the ingest request:
 * the readings are stored either way.
 */
export type ReadingsStoredNotifier = (notice: ReadingsStoredNotice) => Promise<void>;
