import type { Database } from '../platform/db/database.js';
import { createConsumer } from '../platform/events/consumer.js';
import { createOutboxRelay } from '../platform/events/outbox.js';
import { createPostgresTransport } from '../platform/events/postgres-transport.js';
import type { Logger } from '../platform/observability/logger.js';
import { orderEventHandlers } from './order-event-handlers.js';

export type EmbeddedEvents = { stop(): Promise<void> };

/**
 * The event flow inside the one local process: the outbox relay publishes to
 * the queue table (the PostgreSQL transport, SQS's semantics) and one consumer
 * runs every handler. On AWS the relay publishes to SQS and workers consume.
 */
export function startEmbeddedEvents(options: { db: Database; logger: Logger }): EmbeddedEvents {
  const { db, logger } = options;
  const transport = createPostgresTransport({ db, queue: 'events', maxReceiveCount: 5 });
  const relay = createOutboxRelay({ db, transport, logger });
  // A short long-poll: the queue is woken by publishes in this process, and stop() waits at most this long.
  const consumer = createConsumer({ transport, handlers: orderEventHandlers({ db }), logger, waitSeconds: 1 });
  relay.start();
  consumer.start();
  return {
    // The relay first, so nothing new is published to a consumer that is leaving.
    async stop() {
      await relay.stop();
      await consumer.stop();
    },
  };
}
