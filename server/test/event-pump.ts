import { count, isNull } from 'drizzle-orm';
import { alertEventHandlers } from '../src/flows/alert-tasks.js';
import { orderEventHandlers } from '../src/flows/order-fulfilment.js';
import { createConsumer, createEventRouter } from '../src/platform/events/consumer.js';
import { createOutboxRelay } from '../src/platform/events/outbox.js';
import { createPostgresTransport } from '../src/platform/events/postgres-transport.js';
import { outbox, queueMessages } from '../src/platform/events/schema.js';
import { createLogger } from '../src/platform/observability/logger.js';
import type { TestApp } from './test-app.js';
import { waitUntil } from './wait-until.js';

/**
 * For a test whose event runtime runs by itself: waits until nothing is left to publish or deliver
 * (dead letters aside), so what the test does next meets a quiet flow.
 */
export async function waitForTheEventFlowToSettle(t: TestApp): Promise<void> {
  const db = t.database.db;
  await waitUntil(
    async () => {
      const [unpublished] = await db.select({ n: count() }).from(outbox).where(isNull(outbox.publishedAt));
      const [undelivered] = await db.select({ n: count() }).from(queueMessages).where(isNull(queueMessages.deadAt));
      return unpublished?.n === 0 && undelivered?.n === 0;
    },
    { what: 'the event flow settles', timeoutMs: 60_000, everyMs: 100 },
  );
}

/**
 * The local event flow driven by hand: relay and consume until both are idle
 * (each round publishes what the last one enqueued), with the order and alert
 * flows' handlers, as the local process runs them.
 */
export function createEventPump(t: TestApp) {
  const logger = createLogger({ level: 'silent', service: 'kura-test' });
  const db = t.database.db;
  const transport = createPostgresTransport({ db, queue: 'events', maxReceiveCount: 5, pollIntervalMs: 10 });
  const relay = createOutboxRelay({ db, transport, logger });
  const handlers = [...orderEventHandlers({ db }), ...alertEventHandlers({ db })];
  const consumer = createConsumer({ transport, handlers, logger, waitSeconds: 0, retryDelaySeconds: () => 0 });
  return {
    handlers,
    /** Delivers one envelope by hand through the consumer's edge (parse, route); a refusal throws PermanentEventError. */
    dispatch: createEventRouter(handlers).dispatch,
    /** For tests that deliver by hand: publish with the relay, receive from the transport. */
    relay,
    transport,
    async pump() {
      for (let round = 0; round < 20; round++) {
        const published = await relay.runOnce();
        const handled = await consumer.runOnce();
        if (published === 0 && handled === 0) return;
      }
      throw new Error('the event flow did not settle');
    },
  };
}
