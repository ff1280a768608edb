import { trace } from '@opentelemetry/api';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sqlRows } from '../../../test/sql-rows.js';
import { createTestDatabase } from '../../../test/test-app.js';
import { waitUntil } from '../../../test/wait-until.js';
import type { DatabaseHandle } from '../db/database.js';
import { createLogger } from '../observability/logger.js';
import { startTracing, type Tracing } from '../observability/tracing.js';
import { createConsumer, type EventHandler, PermanentEventError } from './consumer.js';
import { createEnvelope, type Envelope } from './envelope.js';
import { createPostgresTransport } from './postgres-transport.js';
import { queueMessages } from './schema.js';
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

const consumerWith = (handlers: Record<string, EventHandler>, visibilitySeconds = 30) =>
  createConsumer({ transport, handlers, logger, visibilitySeconds, waitSeconds: 0, retryDelaySeconds: () => 0 });

async function drain(consumer: ReturnType<typeof createConsumer>, rounds = 10) {
  for (let i = 0; i < rounds; i++) await consumer.runOnce();
}

describe('the event consumer', () => {
  it('handles an event in a span of the producer’s trace, then deletes it', async () => {
    const sent = trace.getTracer('test').startActiveSpan('POST /api/orders', (span) => {
      const envelope = createEnvelope({ type: 'OrderPlaced', key: 'order-1', payload: { orderId: 'order-1' } });
      span.end();
      return envelope;
    });
    await transport.publish([sent]);
    const seen: Envelope[] = [];
    await drain(consumerWith({ OrderPlaced: async (e) => void seen.push(e) }), 2);
    expect(seen).toEqual([sent]);
    expect(await database.db.select().from(queueMessages)).toEqual([]);
    const traceId = sent.traceparent?.split('-')[1] ?? 'none';
    expect(tracing.spanStore.traceOf(traceId).map((s) => s.name)).toEqual(['POST /api/orders', 'process OrderPlaced']);
  });

  it('retries a transient failure until it succeeds', async () => {
    await transport.publish([createEnvelope({ type: 'OrderPlaced', key: 'order-2', payload: {} })]);
    let calls = 0;
    await drain(
      consumerWith({
        OrderPlaced: async () => {
          calls++;
          if (calls < 3) throw new Error('database briefly unavailable');
        },
      }),
    );
    expect(calls).toBe(3);
    expect(await database.db.select().from(queueMessages)).toEqual([]);
  });

  it('dead-letters at once what no retry can fix: a payload that fails its schema, an unknown type', async () => {
    const malformed = createEnvelope({ type: 'OrderPlaced', key: 'order-3', payload: { orderId: 42 } });
    const unknown = createEnvelope({ type: 'SomethingElse', key: 'order-3', payload: {} });
    const refused = createEnvelope({ type: 'OrderCancelled', key: 'order-3', payload: {} });
    await transport.publish([malformed, unknown, refused]);
    let calls = 0;
    await drain(
      consumerWith({
        OrderPlaced: async (e) => {
          calls++;
          z.object({ orderId: z.string() }).parse(e.payload);
        },
        OrderCancelled: async () => {
          throw new PermanentEventError('no such order');
        },
      }),
      3,
    );
    expect(calls).toBe(1);
    const dead = await transport.listDeadLetters({ limit: 10 });
    expect(dead.map((d) => [d.id, d.receiveCount])).toEqual(
      expect.arrayContaining([
        [malformed.id, 1],
        [unknown.id, 1],
        [refused.id, 1],
      ]),
    );
    expect(dead.find((d) => d.id === refused.id)?.reason).toBe('no such order');
    expect(dead.find((d) => d.id === unknown.id)?.reason).toBe('no handler for SomethingElse');
  });

  it('dead-letters an event that keeps failing after the queue’s receive limit; a redrive delivers it again', async () => {
    const poisoned = createEnvelope({ type: 'OrderPlaced', key: 'order-4', payload: {} });
    await transport.publish([poisoned]);
    let calls = 0;
    let healthy = false;
    const consumer = consumerWith({
      OrderPlaced: async () => {
        calls++;
        if (!healthy) throw new Error('bug in the handler');
      },
    });
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
    const sent = createEnvelope({ type: 'OrderPlaced', key: 'order-5', payload: {} });
    await transport.publish([sent]);
    let calls = 0;
    let finish = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const visibilitySeconds = 3;
    const slow = consumerWith(
      {
        OrderPlaced: async () => {
          calls++;
          await finished; // a handler as slow as the test needs, with no clock involved
        },
      },
      visibilitySeconds,
    );
    const other = consumerWith({ OrderPlaced: async () => void calls++ }, visibilitySeconds);
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
});
