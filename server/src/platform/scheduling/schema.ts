import { text, timestamp } from 'drizzle-orm/pg-core';
import { platform } from '../db/seeds.js';

/**
 * One row per scheduled job: who holds its lease and when it last ran, so
 * that however many workers run the scheduler, each job runs once per
 * interval and never twice at the same time.
 */
export const scheduledJobs = platform.table('scheduled_jobs', {
  name: text('name').primaryKey(),
  leasedBy: text('leased_by'),
  /** The holder's run may go on until then; a crashed holder's lease simply runs out. */
  leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }).notNull(),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastError: text('last_error'),
});
