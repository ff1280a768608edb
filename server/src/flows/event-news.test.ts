import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutBody } from '../../test/order-fixtures.js';
import { asUser, demoProducts, setStock } from '../../test/shop-fixtures.js';
import { installStatementCounter, statementCount } from '../../test/statement-counter.js';
import { createTestApp, databaseKind, type TestApp } from '../../test/test-app.js';
import { waitUntil } from '../../test/wait-until.js';
import type { Order } from '../modules/ordering/api-schemas.js';
import { sqlRows } from '../platform/db/database.js';
import { createLogger } from '../platform/observability/logger.js';
import { type EventRuntime, startEventRuntime } from './event-runtime.js';
import { scheduledJobs } from './scheduled-jobs.js';

/**
 * Wake on commit: the outbox and queue tables announce their inserts
 * (NOTIFY, heard on commit), so the local event runtime confirms an order
 * without being told in-process and sends no SQL while there is nothing to do.
 */
// Before the test database's pool connects, so its connections are counted (node-postgres only).
installStatementCounter();
const logger = createLogger({ level: 'silent', service: 'kura-test' });
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ demoData: true });
});
afterAll(async () => {
  await t?.close();
});

async function placeOrder() {
  const [item] = await demoProducts(t, 1);
  if (!item) throw new Error('no demo product');
  await setStock(t, item.sku, 100);
  const me = await t.signIn();
  const api = asUser(t, me.headers);
  const placed = await api.json<Order>('POST', '/api/orders', checkoutBody(item.id), {
    'Idempotency-Key': crypto.randomUUID(),
  });
  expect(placed.status).toBe(201);
  return async () => (await api.json<Order>('GET', `/api/orders/${placed.body.id}`)).body.state;
}

async function queueAndOutboxEmpty() {
  const [row] = await sqlRows<{ n: number }>(
    t.database.db,
    sql`select (select count(*) from platform.queue_messages where dead_at is null)
             + (select count(*) from platform.outbox where published_at is null) as n`,
  );
  return Number(row?.n) === 0;
}

describe('the local event runtime, woken by the database on commit', () => {
  let runtime: EventRuntime | undefined;
  afterAll(async () => {
    await runtime?.stop();
  });

  it('confirms an order placed while it is idle, with no in-process wake (the test app wakes nothing)', async () => {
    runtime = startEventRuntime({
      role: 'local',
      config: t.config.events,
      db: t.database.db,
      listen: t.database.listen,
      logger,
    });
    const state = await placeOrder();
    await waitUntil(async () => (await state()) === 'confirmed', { what: 'the order was confirmed' });
    await waitUntil(queueAndOutboxEmpty, { what: 'the pack tasks step ran too' });
    // A second one, after the runtime went idle (its relay waits for the heartbeat now).
    const second = await placeOrder();
    await waitUntil(async () => (await second()) === 'confirmed', { what: 'the second order was confirmed' });
  }, 120_000);

  it.skipIf(databaseKind === 'pglite')(
    'sends no SQL while idle (it used to poll the queue 4 times a second and the outbox every 2 s)',
    async () => {
      if (!runtime) throw new Error('the runtime of the test above is not running');
      await waitUntil(queueAndOutboxEmpty, { what: 'the flow settled' });
      // The scheduled jobs run once within 5 s of the start, then every minute or hour: not within the watch.
      await waitUntil(
        async () =>
          (
            await sqlRows<{ n: number }>(
              t.database.db,
              sql`select count(*)::int as n from platform.scheduled_jobs where last_finished_at is not null`,
            )
          )[0]?.n === scheduledJobs({ db: t.database.db }).length,
        { what: 'the scheduled jobs ran their first round' },
      );
      // Quiet means ten looks in a row, a fifth of a second apart, without a statement between them.
      // The old runtime polled 4 times a second and never got there (this timed out); a look delayed by
      // a busy machine, or the relay's last look after its batch, only restarts the count.
      let before = statementCount().statements;
      let quietLooks = 0;
      await waitUntil(
        () => {
          const now = statementCount().statements;
          quietLooks = now === before ? quietLooks + 1 : 0;
          before = now;
          return quietLooks >= 10;
        },
        { what: 'the runtime sent no statement for ten looks in a row', everyMs: 200, timeoutMs: 30_000 },
      );
    },
    60_000,
  );

  it.skipIf(databaseKind === 'pglite')(
    'listens again after its connection is terminated, and the process lives on',
    async () => {
      if (!runtime) throw new Error('the runtime of the test above is not running');
      const listeners = async () =>
        (
          await sqlRows<{ pid: number }>(
            t.database.db,
            sql`select pid from pg_stat_activity
                 where datname = current_database() and application_name = 'kura-listen' and query ilike 'listen%'`,
          )
        ).map((row) => row.pid);
      await waitUntil(async () => (await listeners()).length === 1, { what: 'the runtime listens' });
      const [old] = await listeners();
      await sqlRows(t.database.db, sql`select pg_terminate_backend(${old})`);
      await waitUntil(
        async () => {
          const now = await listeners();
          return now.length === 1 && now[0] !== old;
        },
        { what: 'the runtime listens again on a new connection' },
      );
      const state = await placeOrder();
      await waitUntil(async () => (await state()) === 'confirmed', { what: 'the order was confirmed' });
    },
    120_000,
  );
});
