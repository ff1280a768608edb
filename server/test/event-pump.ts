import { alertEventHandlers } from '../src/flows/alert-tasks.js';
import { orderEventHandlers } from '../src/flows/order-fulfilment.js';
import { createConsumer, createEventRouter } from '../src/platform/events/consumer.js';
import { createOutboxRelay } from '../src/platform/events/outbox.js';
import { createPostgresTransport } from '../src/platform/events/postgres-transport.js';
import { createLogger } from '../src/platform/observability/logger.js';
import type { TestApp } from './test-app.js';

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
