import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-app.js';
import type { DatabaseHandle } from '../db/database.js';
import { createEventRouter, PermanentEventError } from '../events/consumer.js';
import { type Envelope, envelopeSchema } from '../events/envelope.js';
import { createLogger } from '../observability/logger.js';
import { ScheduledJobDue, scheduledJobDueHandler } from './job-message.js';
import { createJobRunner } from './job-runner.js';
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

/** The message an EventBridge Scheduler schedule puts on the queue (infra: the schedule's Input). */
const due = (payload: unknown): Envelope => ({
  id: randomUUID(),
  type: ScheduledJobDue.type,
  version: ScheduledJobDue.version,
  key: 'schedule',
  payload,
  occurredAt: new Date().toISOString(),
});

function counted(name: string) {
  const state = { runs: 0 };
  return {
    state,
    job: {
      name,
      everySeconds: 60,
      async run() {
        state.runs++;
        return { runs: state.runs };
      },
    },
  };
}

describe('ScheduledJobDue: a schedule message the worker runs once under the lease', () => {
  it('runs the named job; the same message delivered again (SQS is at least once) runs nothing', async () => {
    const { job, state } = counted('expire');
    const router = createEventRouter([
      scheduledJobDueHandler(createJobRunner({ db: database.db, logger, jobs: [job] })),
    ]);
    const message = due({ job: 'expire' });
    await router.dispatch(message);
    await router.dispatch(message);
    expect(state.runs).toBe(1);
  });

  it('two workers that each receive a copy, and the worker’s own timer, still make one run', async () => {
    const { job, state } = counted('prune');
    const runners = [1, 2].map(() => createJobRunner({ db: database.db, logger, jobs: [job] }));
    const routers = runners.map((r) => createEventRouter([scheduledJobDueHandler(r)]));
    await Promise.all([
      ...routers.map((router) => router.dispatch(due({ job: 'prune' }))),
      runners[0]?.runNow('prune'),
    ]);
    expect(state.runs).toBe(1);
  });

  it('the message as EventBridge Scheduler writes it (its execution id, its scheduled time) is an envelope that runs the job', async () => {
    const { job, state } = counted('expire-unconfirmed-orders');
    const router = createEventRouter([
      scheduledJobDueHandler(createJobRunner({ db: database.db, logger, jobs: [job] })),
    ]);
    // The schedule's Input (infra/lib/constructs/job-schedules.ts) with the context attributes
    // replaced by the values AWS documents as examples; the SQS transport parses bodies this way.
    const body = JSON.stringify({
      id: 'd32c5kddcf5bb8c3',
      type: 'ScheduledJobDue',
      version: 1,
      key: 'expire-unconfirmed-orders',
      payload: { job: 'expire-unconfirmed-orders' },
      occurredAt: '2022-03-22T18:59:43Z',
    });
    const parsed = envelopeSchema.safeParse(JSON.parse(body));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    if (parsed.success) await router.dispatch(parsed.data);
    expect(state.runs).toBe(1);
  });

  it('an unknown job or a payload without one is dead-lettered at once, not retried', async () => {
    const { job } = counted('expire');
    const router = createEventRouter([
      scheduledJobDueHandler(createJobRunner({ db: database.db, logger, jobs: [job] })),
    ]);
    await expect(router.dispatch(due({ job: 'no-such-job' }))).rejects.toBeInstanceOf(PermanentEventError);
    await expect(router.dispatch(due({}))).rejects.toThrow(/payload does not match its schema/);
  });
});
