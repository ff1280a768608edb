import { trace } from '@opentelemetry/api';
import { eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase } from '../../../test/test-app.js';
import { waitUntil } from '../../../test/wait-until.js';
import type { DatabaseHandle } from '../db/database.js';
import { sqlRows } from '../db/database.js';
import { createLogger } from '../observability/logger.js';
import { startTracing, type Tracing } from '../observability/tracing.js';
import {
  acknowledgeWithin,
  createConsumer,
  createEventRouter,
  type EventHandler,
  on,
  PermanentEventError,
} from './consumer.js';
import { createEnvelope, type Envelope } from './envelope.js';
import { defineEvent } from './event-definition.js';
import { createPostgresTransport } from './postgres-transport.js';
import { queueMessages } from './schema.js';
import { testEvents } from './test-events.js';
import type { EventTransport } from './transport.js';

const logger = createLogger({ level: 'silent', service: 'kura-test' });
let database: DatabaseHandle;
let tracing: Tracing;
let transport: EventTransport;

beforeAll(async () => {
  tracing = startTracing({ serviceName: 'kura-test', otlpEndpoint: undefined });
  database = await createTestDatabase();
  transport = createPostgresTransport({
    db: database.db,
    queue: 'consumer-test',
    maxReceiveCount: 3,
    pollIntervalMs: 20,
  });
});
afterAll(async () => {
  await database?.close();
  await tracing?.shutdown();
});
beforeEach(async () => {
  await database.db.delete(queueMessages);
});

const { Counted, Named } = testEvents;
const consumerWith = (handlers: readonly EventHandler[], visibilitySeconds = 30) =>
  createConsumer({ transport, handlers, logger, visibilitySeconds, waitSeconds: 0, retryDelaySeconds: () => 0 });

async function drain(consumer: ReturnType<typeof createConsumer>, rounds = 10) {
  for (let i = 0; i < rounds; i++) await consumer.runOnce();
}

describe('the event consumer', () => {
  it('handles an event in a span of the producer’s trace, then deletes it', async () => {
    const sent = trace.getTracer('test').startActiveSpan('POST /api/orders', (span) => {
      const envelope = createEnvelope({ event: Named, key: 'order-1', payload: { name: 'order-1' } });
      span.end();
      return envelope;
    });
    await transport.publish([sent]);
    const seen: Envelope[] = [];
    await drain(consumerWith([on(Named, async (_named, e) => void seen.push(e))]), 2);
    expect(seen).toEqual([sent]);
    expect(await database.db.select().from(queueMessages)).toEqual([]);
    const traceId = sent.traceparent?.split('-')[1] ?? 'none';
    expect(tracing.spanStore.traceOf(traceId).map((s) => s.name)).toEqual(['POST /api/orders', 'process Named']);
  });

  it('retries a transient failure until it succeeds', async () => {
    await transport.publish([createEnvelope({ event: Counted, key: 'order-2', payload: {} })]);
    let calls = 0;
    await drain(
      consumerWith([
        on(Counted, async () => {
          calls++;
          if (calls < 3) throw new Error('database briefly unavailable');
        }),
      ]),
    );
    expect(calls).toBe(3);
    expect(await database.db.select().from(queueMessages)).toEqual([]);
  });

  it('dead-letters at once what no retry can fix: a handler’s refusal, an unknown type, an unknown version', async () => {
    const unknown = { ...createEnvelope({ event: Counted, key: 'order-3', payload: {} }), type: 'SomethingElse' };
    const newer = { ...createEnvelope({ event: Named, key: 'order-3', payload: { name: 'x' } }), version: 2 };
    const refused = createEnvelope({ event: Counted, key: 'order-3', payload: { n: 3 } });
    await transport.publish([unknown, newer, refused]);
    let named = 0;
    await drain(
      consumerWith([
        on(Named, async () => void named++),
        on(Counted, async () => {
          throw new PermanentEventError('no such order');
        }),
      ]),
      3,
    );
    expect(named).toBe(0);
    const dead = await transport.listDeadLetters({ limit: 10 });
    expect(dead.map((d) => [d.id, d.receiveCount, d.reason])).toEqual(
      expect.arrayContaining([
        [refused.id, 1, 'no such order'],
        [unknown.id, 1, 'no handler for SomethingElse'],
        [newer.id, 1, 'no handler for Named v2 (this consumer handles v1)'],
      ]),
    );
  });

  it('parses a payload once at the edge: one that fails its schema is dead-lettered with the validation error, and the consumer goes on', async () => {
    const malformed = createEnvelope({ event: Named, key: 'order-6', payload: { name: 'x' } });
    // What a producer outside the type checker could send: the schema wants a non-empty string.
    const bad = { ...malformed, payload: { name: 42 } };
    const after = createEnvelope({ event: Named, key: 'order-7', payload: { name: 'fine' } });
    await transport.publish([bad]);
    await transport.publish([after]);
    const seen: string[] = [];
    // Two handlers of one event share one parse; each sees the typed payload.
    const consumer = consumerWith([
      on(Named, async ({ name }) => void seen.push(`first ${name}`)),
      on(Named, async ({ name }) => void seen.push(`second ${name}`)),
    ]);
    await drain(consumer, 3);
    expect(seen).toEqual(['first fine', 'second fine']);
    const [dead] = await transport.listDeadLetters({ limit: 10 });
    expect([dead?.id, dead?.receiveCount]).toEqual([malformed.id, 1]);
    expect(dead?.reason).toMatch(/^Named v1 payload does not match its schema: name: Invalid input: expected string/);
    expect(await database.db.select().from(queueMessages).where(isNull(queueMessages.deadAt))).toEqual([]);
  });

  it('routes each version of a type to its own handlers, and refuses two definitions of one version', async () => {
    const namedV2 = defineEvent({
      type: 'Named',
      version: 2,
      description: 'Named, its name split in two.',
      payload: z.object({ given: z.string(), family: z.string() }),
    });
    const seen: string[] = [];
    const router = createEventRouter([
      on(Named, async ({ name }) => void seen.push(`v1 ${name}`)),
      on(namedV2, async ({ given, family }) => void seen.push(`v2 ${family} ${given}`)),
    ]);
    await router.dispatch(createEnvelope({ event: Named, key: 'k', payload: { name: '花子' } }));
    await router.dispatch(createEnvelope({ event: namedV2, key: 'k', payload: { given: '花子', family: '山田' } }));
    expect(seen).toEqual(['v1 花子', 'v2 山田 花子']);
    const impostor = defineEvent({ ...Named, payload: z.object({ name: z.int() }) });
    expect(() => createEventRouter([on(Named, async () => {}), on(impostor, async () => {})])).toThrow(
      'Named v1 is defined twice',
    );
  });

  it('types producers and handlers by the event’s definition (a wrong payload does not compile)', () => {
    // @ts-expect-error -- Named wants { name: string }
    createEnvelope({ event: Named, key: 'k', payload: { n: 1 } });
    // @ts-expect-error -- Counted's n is a number
    createEnvelope({ event: Counted, key: 'k', payload: { n: 'one' } });
    // @ts-expect-error -- a handler of Counted has no name to read
    on(Counted, async (counted) => void counted.name);
    expect(on(Named, async ({ name }) => void name.length).event).toBe(Named);
  });

  it('dead-letters an event that keeps failing after the queue’s receive limit; a redrive delivers it again', async () => {
    const poisoned = createEnvelope({ event: Counted, key: 'order-4', payload: {} });
    await transport.publish([poisoned]);
    let calls = 0;
    let healthy = false;
    const consumer = consumerWith([
      on(Counted, async () => {
        calls++;
        if (!healthy) throw new Error('bug in the handler');
      }),
    ]);
    await drain(consumer);
    expect(calls).toBe(3);
    expect((await transport.listDeadLetters({ limit: 10 })).map((d) => d.id)).toEqual([poisoned.id]);
    healthy = true; // the fix is deployed
    expect(await transport.redrive([poisoned.id])).toBe(1);
    await drain(consumer, 2);
    expect(calls).toBe(4);
    expect(await database.db.select().from(queueMessages)).toEqual([]);
  });

  it('keeps a message its handler is still working on past the visibility timeout from a second consumer', async () => {
    const sent = createEnvelope({ event: Counted, key: 'order-5', payload: {} });
    await transport.publish([sent]);
    let calls = 0;
    let finish = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const visibilitySeconds = 3;
    const slow = consumerWith(
      [
        on(Counted, async () => {
          calls++;
          await finished; // a handler as slow as the test needs, with no clock involved
        }),
      ],
      visibilitySeconds,
    );
    const other = consumerWith([on(Counted, async () => void calls++)], visibilitySeconds);
    const working = slow.runOnce();
    await waitUntil(() => calls === 1, { what: 'the slow handler runs' });
    const [received] = await database.db.select().from(queueMessages).where(eq(queueMessages.id, sent.id));
    const firstEnd = received?.visibleAt ?? new Date();
    // Past the first visibility timeout by the database's clock, the lease has been extended: whenever
    // at least 2 s of it are left, a receive right now must get nothing.
    for (let tries = 0; tries < 3; tries++) {
      await waitUntil(
        async () => {
          const [row] = await sqlRows<{ past: boolean; held: boolean }>(
            database.db,
            sql`select now() > ${firstEnd} as past, visible_at > now() + interval '2 seconds' as held
                from platform.queue_messages where id = ${sent.id}`,
          );
          return Boolean(row?.past && row.held);
        },
        { what: 'the visibility timeout was extended past its first end' },
      );
      expect(await other.runOnce()).toBe(0);
    }
    finish();
    await working;
    expect(calls).toBe(1);
    expect(await database.db.select().from(queueMessages)).toEqual([]);
  }, 120_000);

  it('handles a batch’s keys at once, up to its concurrency, and one key’s messages one after another in order', async () => {
    // Two orders' events, three each, published one round at a time as the relay does (one event per key a
    // batch); each handler holds until the test lets it go.
    for (const n of [0, 1, 2]) {
      await transport.publish(
        ['order-a', 'order-b'].map((key) => createEnvelope({ event: Counted, key, payload: { n } })),
      );
    }
    const running = new Map<string, number>();
    const done: string[] = [];
    let overlapped = false;
    let release = () => {};
    let gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const consumer = createConsumer({
      transport,
      handlers: [
        on(Counted, async ({ n }, envelope) => {
          running.set(envelope.key, (running.get(envelope.key) ?? 0) + 1);
          // Two handlers of one key at once would break the order's sequence.
          expect(running.get(envelope.key)).toBe(1);
          if ([...running.values()].filter((count) => count > 0).length === 2) {
            overlapped = true;
            release();
          }
          await gate;
          running.set(envelope.key, (running.get(envelope.key) ?? 0) - 1);
          done.push(`${envelope.key}:${n}`);
        }),
      ],
      logger,
      waitSeconds: 0,
      batchSize: 10,
      concurrency: 4,
    });
    const handled = consumer.runOnce();
    // With one message at a time the first handler would wait here forever: the second key never starts.
    await waitUntil(() => overlapped, { what: 'both orders are handled at once' });
    gate = Promise.resolve();
    expect(await handled).toBe(6);
    expect(done.filter((d) => d.startsWith('order-a'))).toEqual(['order-a:0', 'order-a:1', 'order-a:2']);
    expect(done.filter((d) => d.startsWith('order-b'))).toEqual(['order-b:0', 'order-b:1', 'order-b:2']);
    expect(await database.db.select().from(queueMessages)).toEqual([]);
  });

  it('acknowledges inside the handler’s transaction: gone when it commits, still queued when it rolls back', async () => {
    await transport.publish([createEnvelope({ event: Counted, key: 'order-tx', payload: {} })]);
    let calls = 0;
    const queued = async () => (await database.db.select().from(queueMessages)).length;
    const consumer = consumerWith([
      on(Counted, async () => {
        calls++;
        await database.db.transaction(async (tx) => {
          await acknowledgeWithin(tx);
          // The work fails after the acknowledgement, in the same transaction: neither is kept.
          if (calls === 1) throw new Error('the work failed');
        });
        expect(await queued()).toBe(0);
      }),
    ]);
    await consumer.runOnce();
    expect([calls, await queued()]).toEqual([1, 1]);
    await consumer.runOnce();
    expect([calls, await queued()]).toEqual([2, 0]);
  });
});
