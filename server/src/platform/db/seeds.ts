import { pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import type { DatabaseOrTransaction } from './database.js';

/** Platform bookkeeping: which one-time data loads have run. */
export const platform = pgSchema('platform');

export const seedRuns = platform.table('seed_runs', {
  name: text('name').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Claims a named one-time load inside the caller's transaction. Returns false
 * when it already ran, so a second start adds nothing twice.
 */
export async function claimSeedRun(tx: DatabaseOrTransaction, name: string): Promise<boolean> {
  const inserted = await tx.insert(seedRuns).values({ name }).onConflictDoNothing().returning({ name: seedRuns.name });
  return inserted.length === 1;
}
