import { trace } from '@opentelemetry/api';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind } from '../../../test/test-app.js';
import { waitUntil } from '../../../test/wait-until.js';
import type { DatabaseHandle } from '../db/database.js';
import { sqlRows } from '../db/database.js';
import { createLogger } from '../observability/logger.js';
import { startTracing, type Tracing } from '../observability/tracing.js';
import type { Envelope } from './envelope.js';
import { createOutboxRelay, enqueueEvent, prunePublishedEvents } from './outbox.js';
import { createPostgresTransport } from './postgres-transport.js';
import { outbox, queueMessages } from './schema.js';
import { testEvents } from './test-events.js';
import type { EventTransport } from './transport.js';

/** The test event's number, read through its schema. */
const countOf = (envelope: Envelope) => testEvents.Counted.payload.parse(envelope.payload).n;

const logger = createLogger({ level: 'silent', service: 'kura-test' });
let database: DatabaseHandle;
let tracing: Tracing;

/**
 * The transport the relay publishes to, recording what it received. Faults
 * are injected here (it stands in for SQS being down), not in the relay.
 * `yieldFirst` lets other relays run while a publish is in flight.
 */
function recordingTransport(
  options: { failWhen?: (batch: readonly Envelope[]) => boolean; yieldFirst?: boolean } = {},
) {
  const published: Envelope[] = [];
  return {
    published,
    transport: {
      async publish(batch: readonly Envelope[]) {
        if (options.yieldFirst) await new Promise((resolve) => setImmediate(resolve));
        if (options.failWhen?.(batch)) throw new Error('transport unavailable');
        published.push(...batch);
      },
    },
  };
}

/**
 * A transport whose publish blocks until the test releases it: a publish as
 * slow as the test needs, with no clock involved. It gives up early when the
 * relay aborts the publish (its lease was lost), unless `ignoreAbort` (a
 * stalled process notices nothing).
 */
function gatedTransport(options: { passTo?: Pick<EventTransport, 'publish'>; ignoreAbort?: boolean } = {}) {
  const published: Envelope[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const state = { entered: 0, aborted: false };
  return {
    published,
    state,
    release,
    transport: {
      async publish(batch: readonly Envelope[], { signal }: { signal?: AbortSignal | undefined } = {}) {
        state.entered++;
        const abort = new Promise<void>((resolve) => {
          if (!options.ignoreAbort) signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        await Promise.race([released, abort]);
        if (!options.ignoreAbort && signal?.aborted) {
          state.aborted = true;
          signal.throwIfAborted();
        }
        await options.passTo?.publish(batch);
        published.push(...batch);
      },
    },
  };
}

/** Log lines, to count what the relay reported (lost leases). */
function capturedLogger() {
  const lines: { msg: string; marked?: number; events?: number }[] = [];
  const log = createLogger({
    level: 'warn',
    service: 'kura-test',
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { lines, log };
}

const pending = async () =>
  (await database.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(sql`published_at is null`))[0]?.n;

/** Seconds until the row's lease runs out by the database's clock (negative once it has). */
const leaseLeft = async (key: string) =>
  (
    await sqlRows<{ left: number | null }>(
      database.db,
      sql`select extract(epoch from claimed_until - now())::float8 as left from platform.outbox where key = ${key}`,
    )
  )[0]?.left ?? null;

beforeAll(async () => {
  tracing = startTracing({ serviceName: 'kura-test', otlpEndpoint: undefined });
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  await tracing?.shutdown();
});
beforeEach(async () => {
  await database.db.delete(outbox);
});

describe('enqueueEvent', () => {
  it('writes nothing when the transaction rolls back, and the event with its trace context when it commits', async () => {
    await database.db
      .transaction(async (tx) => {
        await enqueueEvent(tx, { event: testEvents.Counted, key: 'order-rolled-back', payload: { n: 1 } });
        throw new Error('the order failed validation');
      })
      .catch(() => undefined);
    expect(await pending()).toBe(0);

    const envelope = await trace.getTracer('test').startActiveSpan('checkout', async (span) => {
      try {
        return await database.db.transaction((tx) =>
          enqueueEvent(tx, { event: testEvents.Counted, key: 'order-1', payload: { n: 1 } }),
        );
      } finally {
        span.end();
      }
    });
    expect(envelope.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const { published, transport } = recordingTransport();
    expect(await createOutboxRelay({ db: database.db, transport, logger }).runOnce()).toBe(1);
    expect(published).toEqual([envelope]);
    expect(await pending()).toBe(0);
  });
});

describe('the outbox relay', () => {
  it('publishes each key’s events in the order written, holding a key back while its earlier event fails', async () => {
    for (let n = 1; n <= 3; n++) {
      await enqueueEvent(database.db, { event: testEvents.Counted, key: 'order-a', payload: { n } });
      await enqueueEvent(database.db, { event: testEvents.Counted, key: 'order-b', payload: { n } });
    }
    let failFirst = true;
    const { published, transport } = recordingTransport({
      failWhen: (batch) => {
        const fail = failFirst && batch.some((e) => e.key === 'order-a');
        failFirst = false;
        return fail;
      },
    });
    // A back-off far longer than this test, so a slow machine cannot see it pass.
    const backoffSeconds = { first: 600, max: 600 };
    const relay = createOutboxRelay({ db: database.db, transport, logger, batchSize: 1, backoffSeconds });
    expect(await relay.runOnce()).toBe(0); // order-a #1 fails and backs off
    // order-b flows meanwhile; order-a #2 and #3 wait behind #1
    while ((await relay.runOnce()) > 0);
    expect(published.map((e) => `${e.key}#${countOf(e)}`)).toEqual(['order-b#1', 'order-b#2', 'order-b#3']);
    const [failed] = await database.db.select().from(outbox).where(sql`key = 'order-a'`).orderBy(outbox.seq).limit(1);
    expect(failed?.attempts).toBe(1);
    expect(failed?.lastError).toBe('transport unavailable');
    expect(failed?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 250_000); // 300–600 s with jitter

    // no retry storm: until the back-off passes, nothing is tried again
    expect(await relay.runOnce()).toBe(0);
    await database.db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.key, 'order-a'));
    while ((await relay.runOnce()) > 0);
    expect(published.filter((e) => e.key === 'order-a').map((e) => countOf(e))).toEqual([1, 2, 3]);
  });

  it('takes over the rows of a relay that died holding them once its lease runs out', async () => {
    await enqueueEvent(database.db, { event: testEvents.Counted, key: 'order-c', payload: {} });
    // a relay claimed the row and then the process was killed
    await database.db
      .update(outbox)
      .set({ claimedBy: 'relay-killed', claimedUntil: sql`now() + interval '1 hour'`, attempts: 1 });
    const { published, transport } = recordingTransport();
    const relay = createOutboxRelay({ db: database.db, transport, logger });
    expect(await relay.runOnce()).toBe(0); // its lease still holds
    await database.db.update(outbox).set({ claimedUntil: sql`now() + interval '1 second'` });
    // The lease runs out by the database's clock; a busy machine only makes this wait longer.
    await waitUntil(async () => ((await leaseLeft('order-c')) ?? 0) < 0, { what: 'the dead relay’s lease ran out' });
    expect(await relay.runOnce()).toBe(1);
    expect(published).toHaveLength(1);
  });

  it(`never lets two relays hold one row at once (${databaseKind === 'postgres' ? 'real concurrency on PostgreSQL' : 'PGlite serialises: proven on the PostgreSQL run'})`, async () => {
    // PGlite runs the relays one statement at a time, so a smaller outbox shows the same there, faster.
    const keys = databaseKind === 'postgres' ? 40 : 10;
    const perKey = databaseKind === 'postgres' ? 10 : 5;
    for (let n = 0; n < perKey; n++) {
      await database.db.insert(outbox).values(
        Array.from({ length: keys }, (_, k) => ({
          id: crypto.randomUUID(),
          type: 'OrderEvent',
          key: `order-${k}`,
          payload: { n },
        })),
      );
    }
    const { published, transport } = recordingTransport({ yieldFirst: true });
    const { lines, log } = capturedLogger();
    const relays = Array.from({ length: 4 }, () =>
      createOutboxRelay({ db: database.db, transport, logger: log, batchSize: 25 }),
    );
    let marked = 0;
    await Promise.all(
      relays.map(async (relay) => {
        for (let round = 0; round < 200 && (await pending()) !== 0; round++) {
          const n = await relay.runOnce();
          marked += n;
        }
      }),
    );
    expect(await pending()).toBe(0);
    // Each row was marked published exactly once, by the relay whose claim it was.
    expect(marked).toBe(keys * perKey);
    const ids = published.map((e) => e.id);
    expect(new Set(ids).size).toBe(keys * perKey);
    // A second publish of a row happens only after its first relay's lease ran out (at least once), and that
    // relay says so; while a lease holds, nobody else publishes its rows. On a quiet machine: no duplicates.
    const lapsed = lines
      .filter((line) => line.msg.startsWith('outbox lease'))
      .reduce((n, line) => n + (line.events ?? 0) - (line.marked ?? 0), 0);
    expect(ids.length - keys * perKey).toBeLessThanOrEqual(lapsed);
    for (let k = 0; k < keys; k++) {
      const firsts = [...new Map(published.filter((e) => e.key === `order-${k}`).map((e) => [e.id, e])).values()];
      const order = firsts.map((e) => countOf(e));
      expect(order, `order-${k}`).toEqual(Array.from({ length: perKey }, (_, n) => n));
    }
  }, 120_000);

  it('renews its lease while a publish outlasts it, so no other relay takes the batch', async () => {
    await enqueueEvent(database.db, { event: testEvents.Counted, key: 'order-slow', payload: {} });
    const slow = gatedTransport();
    const leaseSeconds = 3;
    const holder = createOutboxRelay({ db: database.db, transport: slow.transport, logger, leaseSeconds });
    const other = recordingTransport();
    const rival = createOutboxRelay({ db: database.db, transport: other.transport, logger });
    const publishing = holder.runOnce();
    await waitUntil(() => slow.state.entered === 1, { what: 'the holder is publishing' });
    const [claimed] = await database.db.select().from(outbox).where(eq(outbox.key, 'order-slow'));
    const firstLeaseEnd = claimed?.claimedUntil?.getTime() ?? 0;
    // Past the end of the first lease by the database's clock, the rival still finds the row held:
    // whenever the lease has at least 2 s left, a claim right now must get nothing.
    for (let tries = 0; tries < 3; tries++) {
      await waitUntil(
        async () => {
          const [row] = await sqlRows<{ past: boolean; held: boolean }>(
            database.db,
            sql`select now() > ${new Date(firstLeaseEnd)} as past, claimed_until > now() + interval '2 seconds' as held
                from platform.outbox where key = 'order-slow'`,
          );
          return Boolean(row?.past && row.held);
        },
        { what: 'the lease was renewed past its first end' },
      );
      expect(await rival.runOnce()).toBe(0);
    }
    slow.release();
    expect(await publishing).toBe(1);
    expect(slow.published).toHaveLength(1);
    expect(other.published).toHaveLength(0);
    expect(await pending()).toBe(0);
  }, 120_000);

  it(`publishes again the batch of a relay stalled past its lease; the stalled relay's late mark is fenced off and the queue keeps one copy (${databaseKind})`, async () => {
    for (const key of ['order-stalled-1', 'order-stalled-2'])
      await enqueueEvent(database.db, { event: testEvents.Counted, key, payload: {} });
    const queue = createPostgresTransport({ db: database.db, queue: 'stall', maxReceiveCount: 5, pollIntervalMs: 50 });
    // The stalled relay: its publish hangs and its lease renewals never come in time (a frozen process).
    const stalled = gatedTransport({ passTo: queue, ignoreAbort: true });
    const { lines, log } = capturedLogger();
    const frozen = createOutboxRelay({
      db: database.db,
      transport: stalled.transport,
      logger: log,
      leaseSeconds: 1,
      renewEveryMs: 3_600_000,
    });
    const healthy: Envelope[] = [];
    const rival = createOutboxRelay({
      db: database.db,
      transport: {
        async publish(batch) {
          await queue.publish(batch);
          healthy.push(...batch);
        },
      },
      logger,
    });
    const publishing = frozen.runOnce();
    await waitUntil(() => stalled.state.entered === 1, { what: 'the stalled relay is publishing' });
    expect(await rival.runOnce()).toBe(0); // its lease still holds
    await waitUntil(async () => ((await leaseLeft('order-stalled-1')) ?? 0) < 0, {
      what: 'the stalled relay’s lease ran out',
    });
    expect(await rival.runOnce()).toBe(2);
    const afterRival = await database.db.select().from(outbox).orderBy(outbox.seq);
    expect(afterRival.every((row) => row.publishedAt !== null && row.claimedBy === null)).toBe(true);

    stalled.release(); // the stalled relay wakes up and finishes its publish
    expect(await publishing).toBe(0); // it marked nothing: its claim was no longer the rows'
    expect(stalled.published).toHaveLength(2);
    expect(healthy).toHaveLength(2);
    expect(lines.map((line) => line.msg)).toEqual([
      'outbox lease ran out before the batch was marked; another relay publishes it again',
    ]);
    expect(await database.db.select().from(outbox).orderBy(outbox.seq)).toEqual(afterRival);
    // Delivered twice, kept once: the queue table holds one message per event id. On SQS the
    // consumer may see both; every handler is idempotent (order-flow-correctness delivers each event twice).
    const queued = await database.db.select().from(queueMessages).where(eq(queueMessages.queue, 'stall'));
    expect(queued.map((m) => m.id).sort()).toEqual(afterRival.map((row) => row.id).sort());
  }, 120_000);

  it('stops publishing when a renewal finds its batch claimed by another relay, and touches those rows no more', async () => {
    await enqueueEvent(database.db, { event: testEvents.Counted, key: 'order-taken', payload: {} });
    const gate = gatedTransport();
    const relay = createOutboxRelay({
      db: database.db,
      transport: gate.transport,
      logger,
      leaseSeconds: 30,
      renewEveryMs: 50,
    });
    const publishing = relay.runOnce();
    await waitUntil(() => gate.state.entered === 1, { what: 'the relay is publishing' });
    // What the table shows after the lease ran out unnoticed and another relay claimed the row.
    await database.db
      .update(outbox)
      .set({ claimedBy: 'relay-other/claim', claimedUntil: sql`now() + interval '1 hour'` })
      .where(eq(outbox.key, 'order-taken'));
    expect(await publishing).toBe(0);
    expect(gate.state.aborted).toBe(true);
    expect(gate.published).toHaveLength(0);
    const [row] = await database.db.select().from(outbox).where(eq(outbox.key, 'order-taken'));
    expect(row).toMatchObject({ claimedBy: 'relay-other/claim', publishedAt: null, lastError: null });
  }, 120_000);

  it('finishes the batch in flight when stopped (SIGTERM), then publishes nothing more', async () => {
    for (let n = 0; n < 5; n++)
      await enqueueEvent(database.db, { event: testEvents.Counted, key: `order-s${n}`, payload: {} });
    const gate = gatedTransport();
    const relay = createOutboxRelay({ db: database.db, transport: gate.transport, logger });
    relay.start();
    await waitUntil(() => gate.state.entered === 1, { what: 'the batch is being published' });
    let stopped = false;
    const stopping = relay.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false); // stop waits for the batch in flight
    gate.release();
    await stopping;
    expect(gate.published).toHaveLength(5);
    expect(await pending()).toBe(0);
    // Its loop has ended: the next event is left to another relay (a claim would have held it back).
    await enqueueEvent(database.db, { event: testEvents.Counted, key: 'order-after-stop', payload: {} });
    relay.wake();
    const { published, transport } = recordingTransport();
    expect(await createOutboxRelay({ db: database.db, transport, logger }).runOnce()).toBe(1);
    expect(published.map((e) => e.key)).toEqual(['order-after-stop']);
    expect(gate.state.entered).toBe(1);
  }, 120_000);

  it('runs in the background, woken by news, and prunes only published rows', async () => {
    const { published, transport } = recordingTransport();
    // After each poll it idles a minute: only wake() can bring the second event out within the wait below.
    const relay = createOutboxRelay({ db: database.db, transport, logger, idleMs: { min: 60_000, max: 60_000 } });
    await enqueueEvent(database.db, { event: testEvents.Counted, key: 'order-first', payload: {} });
    relay.start();
    await waitUntil(() => published.length === 1, { what: 'the first event is published' });
    await enqueueEvent(database.db, { event: testEvents.Counted, key: 'order-w', payload: {} });
    relay.wake();
    await waitUntil(() => published.length === 2, { what: 'the woken relay published', timeoutMs: 45_000 });
    await relay.stop();
    expect(published.map((e) => e.key)).toEqual(['order-first', 'order-w']);

    await enqueueEvent(database.db, { event: testEvents.Counted, key: 'order-unpublished', payload: {} });
    expect(await prunePublishedEvents(database.db, { before: new Date(Date.now() + 60_000), limit: 100 })).toBe(2);
    expect(await pending()).toBe(1);
  }, 120_000);
});
