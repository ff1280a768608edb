import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-app.js';
import type { DatabaseHandle } from '../db/database.js';
import { createLogger } from '../observability/logger.js';
import { createJobRunner, type ScheduledJob } from './job-runner.js';
import { scheduledJobs } from './schema.js';

const logger = createLogger({ level: 'silent', service: 'kura-test' });
let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.db.delete(scheduledJobs);
});

/** A job that counts its runs and can be held open until released. */
function countingJob(name: string, options: { everySeconds?: number; holdMs?: number } = {}) {
  const state = { runs: 0, concurrent: 0, maxConcurrent: 0, aborted: false };
  const job: ScheduledJob = {
    name,
    everySeconds: options.everySeconds ?? 60,
    async run(signal) {
      state.runs++;
      state.concurrent++;
      state.maxConcurrent = Math.max(state.maxConcurrent, state.concurrent);
      try {
        const until = Date.now() + (options.holdMs ?? 0);
        while (Date.now() < until && !signal.aborted) await new Promise((r) => setTimeout(r, 10));
        state.aborted = signal.aborted;
        return { runs: state.runs };
      } finally {
        state.concurrent--;
      }
    },
  };
  return { job, state };
}

describe('createJobRunner', () => {
  it('runs a job once per interval, whichever process asks', async () => {
    const { job, state } = countingJob('count', { everySeconds: 60 });
    const a = createJobRunner({ db: database.db, logger, jobs: [job] });
    const b = createJobRunner({ db: database.db, logger, jobs: [job] });
    expect(await a.runNow('count')).toBe('ran');
    expect(await a.runNow('count')).toBe('not-due');
    expect(await b.runNow('count')).toBe('not-due');
    expect(state.runs).toBe(1);
    const [row] = await database.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'count'));
    expect(row?.lastFinishedAt).not.toBeNull();
    expect(row?.lastError).toBeNull();
    // Once the interval has passed it is due again.
    await database.db
      .update(scheduledJobs)
      .set({ lastStartedAt: sql`now() - interval '61 seconds'` })
      .where(eq(scheduledJobs.name, 'count'));
    expect(await b.runNow('count')).toBe('ran');
    expect(state.runs).toBe(2);
  });

  it('never runs one job twice at once across processes: 8 schedulers race for it', async () => {
    const { job, state } = countingJob('race', { holdMs: 200 });
    const runners = Array.from({ length: 8 }, () => createJobRunner({ db: database.db, logger, jobs: [job] }));
    const outcomes = await Promise.all(runners.map((r) => r.runNow('race')));
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'not-due')).toHaveLength(7);
    expect(state.maxConcurrent).toBe(1);
  });

  it("takes over a crashed holder's job once its lease ran out, not before", async () => {
    const { job, state } = countingJob('takeover', { everySeconds: 60 });
    const runner = createJobRunner({ db: database.db, logger, jobs: [job] });
    // Another process took the job two minutes ago and died; its lease has 10 s left.
    await database.db.insert(scheduledJobs).values({
      name: 'takeover',
      leasedBy: 'scheduler-dead',
      leaseUntil: sql`now() + interval '10 seconds'`,
      lastStartedAt: sql`now() - interval '2 minutes'`,
    });
    expect(await runner.runNow('takeover')).toBe('not-due');
    await database.db
      .update(scheduledJobs)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(scheduledJobs.name, 'takeover'));
    expect(await runner.runNow('takeover')).toBe('ran');
    expect(state.runs).toBe(1);
  });

  it('records a failed run and lets the next interval try again', async () => {
    const runner = createJobRunner({
      db: database.db,
      logger,
      jobs: [
        {
          name: 'broken',
          everySeconds: 60,
          run: async () => {
            throw new Error('relation does not exist');
          },
        },
      ],
    });
    expect(await runner.runNow('broken')).toBe('failed');
    const [row] = await database.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'broken'));
    expect(row?.lastError).toBe('relation does not exist');
    expect(row && row.leaseUntil.getTime() <= Date.now() + 1000).toBe(true);
  });

  it('runs due jobs on its timers, and stop() tells the run in flight to stop and waits for it', async () => {
    const { job, state } = countingJob('timed', { everySeconds: 3600, holdMs: 60_000 });
    const runner = createJobRunner({ db: database.db, logger, jobs: [job], firstRunWithinMs: 50 });
    runner.start();
    for (let i = 0; i < 100 && state.concurrent === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(state.runs).toBe(1);
    const t = Date.now();
    await runner.stop();
    expect(Date.now() - t).toBeLessThan(5000);
    expect(state.aborted).toBe(true);
    expect(state.concurrent).toBe(0);
  });
});
