import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import type { Logger } from '../observability/logger.js';
import { scheduledJobs } from './schema.js';

/** What a run reports for the log: counts of what it did. */
export type JobSummary = Record<string, number>;

export type ScheduledJob = {
  /** Unique and stable: it names the job's lease row. */
  name: string;
  /** How often the job runs, across every process that runs the scheduler. */
  everySeconds: number;
  /** How long one run may hold the job (default: the interval); after that another process may take it over. */
  leaseSeconds?: number;
  /** Bounded work; stop early (between batches) once `signal` is aborted. */
  run(signal: AbortSignal): Promise<JobSummary | undefined>;
};

export type JobRunnerOptions = {
  db: Database;
  logger: Logger;
  jobs: readonly ScheduledJob[];
  /** Each wait is the interval ± this fraction, so processes started together drift apart. */
  jitter?: number;
  /** The first run of each job comes after a random wait of up to this long (default: 5 s). */
  firstRunWithinMs?: number;
};

export type JobRunOutcome = 'ran' | 'not-due' | 'failed';

export type JobRunner = {
  start(): void;
  /** Runs one job now if it is due and no one else holds it (tests, operators). */
  runNow(name: string): Promise<JobRunOutcome>;
  /** No new runs; the runs in flight are told to stop and awaited. */
  stop(): Promise<void>;
};

/**
 * A small timer-based scheduler. Overlap is prevented twice: within the
 * process a job's next timer is armed only after its run finished, and across
 * processes a run first takes the job's lease row (an atomic conditional
 * upsert), which succeeds only when the lease has run out and the interval
 * has passed since the last start anywhere.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, logger, jobs } = options;
  const jitter = options.jitter ?? 0.1;
  const firstRunWithinMs = options.firstRunWithinMs ?? 5000;
  const owner = `scheduler-${randomUUID()}`;
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  const abort = new AbortController();
  let started = false;

  async function claim(job: ScheduledJob): Promise<boolean> {
    const leaseSeconds = job.leaseSeconds ?? job.everySeconds;
    // Another process started it less than (interval − jitter) ago: not due yet.
    const dueAfterSeconds = job.everySeconds * (1 - jitter);
    const claimed = await db
      .insert(scheduledJobs)
      .values({
        name: job.name,
        leasedBy: owner,
        leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
        lastStartedAt: sql`now()`,
      })
      .onConflictDoUpdate({
        target: scheduledJobs.name,
        set: {
          leasedBy: owner,
          leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
          lastStartedAt: sql`now()`,
        },
        setWhere: sql`${scheduledJobs.leaseUntil} <= now()
          and ${scheduledJobs.lastStartedAt} <= now() - make_interval(secs => ${dueAfterSeconds})`,
      })
      .returning({ name: scheduledJobs.name });
    return claimed.length === 1;
  }

  async function finish(job: ScheduledJob, error: string | null): Promise<void> {
    await db
      .update(scheduledJobs)
      .set({ leaseUntil: sql`now()`, lastFinishedAt: sql`now()`, lastError: error })
      .where(and(eq(scheduledJobs.name, job.name), eq(scheduledJobs.leasedBy, owner)));
  }

  async function runNow(name: string): Promise<JobRunOutcome> {
    const job = jobs.find((j) => j.name === name);
    if (!job) throw new RangeError(`no scheduled job named ${name}`);
    const run = (async (): Promise<JobRunOutcome> => {
      if (!(await claim(job))) return 'not-due';
      const log = logger.child({ job: job.name });
      const t = performance.now();
      try {
        const summary = await job.run(abort.signal);
        await finish(job, null);
        log.info({ ...summary, durationMs: Math.round(performance.now() - t) }, 'scheduled job ran');
        return 'ran';
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.error({ err: error }, 'scheduled job failed; it runs again at its next interval');
        await finish(job, message.slice(0, 1000)).catch(() => undefined);
        return 'failed';
      }
    })();
    inFlight.add(run);
    try {
      return await run;
    } finally {
      inFlight.delete(run);
    }
  }

  function schedule(job: ScheduledJob, delayMs: number): void {
    if (abort.signal.aborted) return;
    const timer = setTimeout(async () => {
      timers.delete(job.name);
      await runNow(job.name).catch((error: unknown) => {
        logger.error({ err: error, job: job.name }, 'scheduled job could not be claimed; trying at its next interval');
      });
      schedule(job, job.everySeconds * 1000 * (1 - jitter + Math.random() * 2 * jitter));
    }, delayMs);
    timer.unref();
    timers.set(job.name, timer);
  }

  return {
    start() {
      if (started) return;
      started = true;
      for (const job of jobs) schedule(job, Math.random() * firstRunWithinMs);
    },
    runNow,
    async stop() {
      abort.abort();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
