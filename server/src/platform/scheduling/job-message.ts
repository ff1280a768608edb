import { z } from 'zod';
import { type EventHandler, on, PermanentEventError } from '../events/consumer.js';
import { defineEvent } from '../events/event-definition.js';
import type { JobRunner } from './job-runner.js';

/**
 * "This job is due": what an EventBridge Scheduler schedule sends to the event queue on AWS
 * (ADR 0016). The message only says *when*; whether the job runs is still decided by its lease
 * row, so a duplicate delivery, a second worker or the worker's own timer finds it `not-due`
 * and each run happens once.
 */
export const ScheduledJobDue = defineEvent({
  type: 'ScheduledJobDue',
  version: 1,
  description: 'A schedule says a scheduled job is due; the worker runs it if no one else has.',
  payload: z.object({ job: z.string().min(1).max(100) }),
});

/** The worker's handler for ScheduledJobDue: runs the named job under its lease. */
export function scheduledJobDueHandler(runner: JobRunner): EventHandler<typeof ScheduledJobDue> {
  return on(ScheduledJobDue, async ({ job }) => {
    try {
      // 'failed' is recorded on the job's row and logged; a retry of the message could not help,
      // because the lease says the job ran this interval. The next schedule tries again.
      await runner.runNow(job);
    } catch (error) {
      if (error instanceof RangeError) throw new PermanentEventError(error.message);
      throw error;
    }
  });
}
