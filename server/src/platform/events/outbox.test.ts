import { trace } from '@opentelemetry/api';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind } from '../../../test/test-app.js';
import type { DatabaseHandle } from '../db/database.js';
import { createLogger } from '../observability/logger.js';
import { startTracing, type Tracing } from '../observability/tracing.js';
import type { Envelope } from './envelope.js';
import { createOutboxRelay, enqueueEvent, prunePublishedEvents } from './outbox.js';
import { outbox } from './schema.js';

const logger = createLogger({ level: 'silent', service: 'kura-test' });
let database: DatabaseHandle;
let tracing: Tracing;

/**
 * The transport the relay publishes to, recording what it received. Faults
 * are injected here (it stands in for SQS being down), not in the relay.
 */
function recordingTransport(options: { failWhen?: (batch: readonly Envelope[]) => boolean; delayMs?: number } = {}) {
  const published: Envelope[] = [];
  return {
    published,
    transport: {
      async publish(batch: readonly Envelope[]) {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        if (options.failWhen?.(batch)) throw new Error('transport unavailable');
        published.push(...batch);
      },
    },
  };
}

const pending = async () =>
  (await database.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(sql`published_at is null`))[0]?.n;

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
        await enqueueEvent(tx, { type: 'OrderPlaced', key: 'order-rolled-back', payload: { n: 1 } });
        throw new Error('the order failed validation');
      })
      .catch(() => undefined);
    expect(await pending()).toBe(0);

    const envelope = await trace.getTracer('test').startActiveSpan('checkout', async (span) => {
      try {
        return await database.db.transaction((tx) =>
          enqueueEvent(tx, { type: 'OrderPlaced', key: 'order-1', payload: { orderId: 'order-1' } }),
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
      await enqueueEvent(database.db, { type: 'OrderEvent', key: 'order-a', payload: { n } });
      await enqueueEvent(database.db, { type: 'OrderEvent', key: 'order-b', payload: { n } });
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
    expect(published.map((e) => `${e.key}#${(e.payload as { n: number }).n}`)).toEqual([
      'order-b#1',
      'order-b#2',
      'order-b#3',
    ]);
    const [failed] = await database.db.select().from(outbox).where(sql`key = 'order-a'`).orderBy(outbox.seq).limit(1);
    expect(failed?.attempts).toBe(1);
    expect(failed?.lastError).toBe('transport unavailable');
    expect(failed?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 250_000); // 300–600 s with jitter

    // no retry storm: until the back-off passes, nothing is tried again
    expect(await relay.runOnce()).toBe(0);
    await database.db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.key, 'order-a'));
    while ((await relay.runOnce()) > 0);
    expect(published.filter((e) => e.key === 'order-a').map((e) => (e.payload as { n: number }).n)).toEqual([1, 2, 3]);
  });

  it('takes over the rows of a relay that died holding them once its lease runs out', async () => {
    await enqueueEvent(database.db, { type: 'OrderEvent', key: 'order-c', payload: {} });
    // a relay claimed the row and then the process was killed
    await database.db
      .update(outbox)
      .set({ claimedBy: 'relay-killed', claimedUntil: sql`now() + interval '1 second'`, attempts: 1 });
    const { published, transport } = recordingTransport();
    const relay = createOutboxRelay({ db: database.db, transport, logger });
    expect(await relay.runOnce()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await relay.runOnce()).toBe(1);
    expect(published).toHaveLength(1);
  });

  it(`never lets two relays take one row (${databaseKind === 'postgres' ? 'real concurrency on PostgreSQL' : 'PGlite serialises: proven on the PostgreSQL run'})`, async () => {
    const keys = 40;
    const perKey = 10;
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
    const { published, transport } = recordingTransport({ delayMs: 5 });
    const relays = Array.from({ length: 4 }, () =>
      createOutboxRelay({ db: database.db, transport, logger, batchSize: 25 }),
    );
    await Promise.all(
      relays.map(async (relay) => {
        for (let round = 0; round < 200 && (await pending()) !== 0; round++) await relay.runOnce();
      }),
    );
    expect(await pending()).toBe(0);
    const ids = published.map((e) => e.id);
    expect(ids).toHaveLength(keys * perKey);
    expect(new Set(ids).size).toBe(keys * perKey);
    for (let k = 0; k < keys; k++) {
      const order = published.filter((e) => e.key === `order-${k}`).map((e) => (e.payload as { n: number }).n);
      expect(order, `order-${k}`).toEqual(Array.from({ length: perKey }, (_, n) => n));
    }
  }, 120_000);

  it('finishes the batch in flight when stopped (SIGTERM), then publishes nothing more', async () => {
    for (let n = 0; n < 5; n++)
      await enqueueEvent(database.db, { type: 'OrderEvent', key: `order-s${n}`, payload: {} });
    const { published, transport } = recordingTransport({ delayMs: 300 });
    const relay = createOutboxRelay({ db: database.db, transport, logger });
    relay.start();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the batch is being published
    await relay.stop();
    expect(published).toHaveLength(5);
    expect(await pending()).toBe(0);
    await enqueueEvent(database.db, { type: 'OrderEvent', key: 'order-after-stop', payload: {} });
    relay.wake();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(published).toHaveLength(5);
  });

  it('runs in the background, woken by news, and prunes only published rows', async () => {
    const { published, transport } = recordingTransport();
    const relay = createOutboxRelay({ db: database.db, transport, logger, idleMs: { min: 20, max: 60_000 } });
    relay.start();
    await new Promise((resolve) => setTimeout(resolve, 300)); // idle: its poll interval has grown
    await enqueueEvent(database.db, { type: 'OrderEvent', key: 'order-w', payload: {} });
    relay.wake();
    for (let i = 0; i < 100 && published.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await relay.stop();
    expect(published).toHaveLength(1);

    await enqueueEvent(database.db, { type: 'OrderEvent', key: 'order-unpublished', payload: {} });
    expect(await prunePublishedEvents(database.db, { before: new Date(Date.now() + 60_000), limit: 100 })).toBe(1);
    expect(await pending()).toBe(1);
  });
});
