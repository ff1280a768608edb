import { idempotencyKeyRetentionHours, pruneIdempotencyKeys } from '../modules/ordering/public.js';
import { pruneReadings, raiseSilentAlerts, readingRetentionDays } from '../modules/telemetry/public.js';
import type { Database } from '../platform/db/database.js';
import { prunePublishedEvents } from '../platform/events/outbox.js';
import type { ScheduledJob } from '../platform/scheduling/job-runner.js';
import { expireUnconfirmedOrders } from './expire-unconfirmed-orders.js';
import { jobEverySeconds } from './job-cadence.js';

/** Published outbox rows are kept this long for tracing questions, then pruned. */
const outboxRetentionDays = 7;
const hour = 3600_000;

/**
 * Deletes in batches of `batchSize` until a batch comes back short, the run
 * has deleted `maxBatches` batches (the next run goes on), or shutdown.
 */
async function inBatches(
  signal: AbortSignal,
  deleteBatch: (limit: number) => Promise<number>,
  options: { batchSize: number; maxBatches: number },
): Promise<{ deleted: number; batches: number }> {
  let deleted = 0;
  let batches = 0;
  while (batches < options.maxBatches && !signal.aborted) {
    const n = await deleteBatch(options.batchSize);
    deleted += n;
    batches++;
    if (n < options.batchSize) break;
  }
  return { deleted, batches };
}

export type HousekeepingOptions = {
  db: Database;
  now?: () => Date;
  /** Rows per delete; small enough that no batch holds locks for long. */
  batchSize?: number;
  maxBatches?: number;
};

/** The jobs every process that runs the scheduler runs (the local process; the worker on AWS). */
export function scheduledJobs(options: HousekeepingOptions): ScheduledJob[] {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const batches = { batchSize: options.batchSize ?? 500, maxBatches: options.maxBatches ?? 100 };
  return [
    {
      name: 'expire-unconfirmed-orders',
      everySeconds: jobEverySeconds['expire-unconfirmed-orders'],
      leaseSeconds: 300,
      run: (signal) => expireUnconfirmedOrders(db, { now: now(), signal }),
    },
    {
      name: 'prune-idempotency-keys',
      everySeconds: jobEverySeconds['prune-idempotency-keys'],
      leaseSeconds: 900,
      run: (signal) => {
        const before = new Date(now().getTime() - idempotencyKeyRetentionHours * hour);
        return inBatches(signal, (limit) => pruneIdempotencyKeys(db, { before, limit }), batches);
      },
    },
    {
      name: 'prune-published-events',
      everySeconds: jobEverySeconds['prune-published-events'],
      leaseSeconds: 900,
      run: (signal) => {
        const before = new Date(now().getTime() - outboxRetentionDays * 24 * hour);
        return inBatches(signal, (limit) => prunePublishedEvents(db, { before, limit }), batches);
      },
    },
    {
      // Silence is the one alert condition no reading announces: the clock has to look.
      name: 'raise-silent-alerts',
      everySeconds: jobEverySeconds['raise-silent-alerts'],
      leaseSeconds: 300,
      run: async () => ({ raised: await raiseSilentAlerts(db, { now: now(), limit: 500 }) }),
    },
    {
      name: 'prune-telemetry-readings',
      everySeconds: jobEverySeconds['prune-telemetry-readings'],
      leaseSeconds: 900,
      run: (signal) => {
        const before = new Date(now().getTime() - readingRetentionDays * 24 * hour);
        // 50,000 an hour by default: a hundred sensors reporting every minute add 6,000.
        return inBatches(signal, (limit) => pruneReadings(db, { before, limit }), batches);
      },
    },
  ];
}
