import { AsyncLocalStorage } from 'node:async_hooks';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Transaction } from '../db/database.js';
import type { Logger } from '../observability/logger.js';
import { metrics } from '../observability/metrics.js';
import { withoutQueryValues } from '../observability/safe-error.js';
import { createBackgroundLoop } from './background-loop.js';
import { type Envelope, envelopeContext } from './envelope.js';
import type { EventDefinition, PayloadOf } from './event-definition.js';
import type { Delivery, EventTransport } from './transport.js';

/** Thrown by a handler when no retry can help: the message goes straight to the dead letters. */
export class PermanentEventError extends Error {
  override name = 'PermanentEventError';
}

/**
 * What one flow does when an event arrives. `handle` gets the payload already
 * parsed by the event's schema (typed by its definition) and the envelope it
 * came in (its id, for messages). Each must be idempotent: delivery is at
 * least once.
 */
export type EventHandler<D extends EventDefinition = EventDefinition> = {
  readonly event: D;
  // A method, so a list may hold handlers of different events.
  handle(payload: PayloadOf<D>, envelope: Envelope): Promise<void>;
};

/** A handler for one event (one type, one version): `on(orderingEvents.OrderPlaced, async (placed) => …)`. */
export function on<D extends EventDefinition>(
  event: D,
  handle: (payload: PayloadOf<D>, envelope: Envelope) => Promise<void>,
): EventHandler<D> {
  return { event, handle };
}

/** A message's acknowledgement inside a handler's transaction, where the transport allows it. */
export type TransactionalAck = { ack(tx: Transaction): Promise<void>; done: boolean };

const pendingAck = new AsyncLocalStorage<TransactionalAck | undefined>();

/**
 * Called by a handler inside the one transaction that does its work: where
 * the transport allows it (the queue is a table of the same database) and
 * this handler is the message's last, the message is acknowledged in that
 * transaction, so it is done exactly when the work commits, at no commit of
 * its own. Otherwise (SQS, a handler by hand, an earlier handler of several)
 * it does nothing and the consumer acknowledges after the handlers.
 */
export async function acknowledgeWithin(tx: Transaction): Promise<void> {
  const pending = pendingAck.getStore();
  if (!pending || pending.done) return;
  await pending.ack(tx);
  pending.done = true;
}

/** Where an envelope goes: its handlers with its parsed payload, or refused with the reason no retry can change. */
export type RoutedEvent = { run(ack?: TransactionalAck): Promise<void> } | { refused: string };

export type EventRouter = {
  route(envelope: Envelope): RoutedEvent;
  /** Routes and runs one envelope, as the consumer would; a refusal throws PermanentEventError. */
  dispatch(envelope: Envelope): Promise<void>;
};

/**
 * The consumer's edge: an envelope's payload is parsed here, once, by the
 * schema of its type and version, whatever number of handlers react to it.
 * Where several flows handle one event, all run, in the order given; a
 * failure retries the message and so runs them all again, which is safe
 * because every handler is idempotent.
 */
export function createEventRouter(handlers: readonly EventHandler[]): EventRouter {
  const byType = new Map<string, Map<number, { event: EventDefinition; handlers: EventHandler[] }>>();
  for (const handler of handlers) {
    const { type, version } = handler.event;
    const versions = byType.get(type) ?? new Map();
    byType.set(type, versions);
    const route = versions.get(version);
    if (!route) versions.set(version, { event: handler.event, handlers: [handler] });
    else if (route.event !== handler.event) throw new Error(`${type} v${version} is defined twice`);
    else route.handlers.push(handler);
  }

  function route(envelope: Envelope): RoutedEvent {
    const versions = byType.get(envelope.type);
    if (!versions) return { refused: `no handler for ${envelope.type}` };
    const found = versions.get(envelope.version);
    if (!found) {
      const known = [...versions.keys()].map((v) => `v${v}`).join(', ');
      return { refused: `no handler for ${envelope.type} v${envelope.version} (this consumer handles ${known})` };
    }
    const parsed = found.event.payload.safeParse(envelope.payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`);
      return {
        refused: `${envelope.type} v${envelope.version} payload does not match its schema: ${issues.join('; ')}`,
      };
    }
    return {
      async run(ack) {
        const last = found.handlers.length - 1;
        // Only the last handler may acknowledge: one after it that fails must see the message again.
        for (const [i, handler] of found.handlers.entries()) {
          await pendingAck.run(i === last ? ack : undefined, () => handler.handle(parsed.data, envelope));
        }
      },
    };
  }

  return {
    route,
    async dispatch(envelope) {
      const routed = route(envelope);
      if ('refused' in routed) throw new PermanentEventError(routed.refused);
      await routed.run();
    },
  };
}

export type ConsumerOptions = {
  /** `ackWithin`: the transport can acknowledge inside a handler's transaction (`acknowledgeWithin`). */
  transport: EventTransport & { ackWithin?: (tx: Transaction, delivery: Delivery) => Promise<void> };
  /** Every flow's handlers; each must be idempotent (delivery is at least once). */
  handlers: readonly EventHandler[];
  logger: Logger;
  /** How long a received message is ours; a running handler's lease is extended every half of it. */
  visibilitySeconds?: number;
  /** Long-poll wait per receive (`stop()` cuts it short). */
  waitSeconds?: number;
  batchSize?: number;
  /**
   * How many of a batch's keys are handled at once (1: one message at a
   * time). Messages of one key (one order) are always handled one after
   * another, in the order received, so concurrency never reorders an order's
   * events; different orders overlap their round trips.
   */
  concurrency?: number;
  /** Delay before a failed message is tried again: 1 s, 2 s, 4 s … up to 5 min, with jitter by default. */
  retryDelaySeconds?: (receiveCount: number) => number;
  /** Called after a batch was handled: its handlers may have written events (the relay is woken). */
  afterBatch?: () => void;
};

export type Consumer = {
  /** Receives one batch and handles it; returns how many messages it settled. */
  runOnce(): Promise<number>;
  start(): void;
  /** Ends a waiting receive, finishes the message in hand, returns the rest of its batch to the queue, then stops. */
  stop(): Promise<void>;
};

const defaultRetryDelay = (receiveCount: number) =>
  Math.round(Math.min(300, 2 ** (receiveCount - 1)) * (0.5 + Math.random() / 2));

/**
 * Consumes events from the transport, one message at a time per key (up to
 * `concurrency` keys of a batch at once): each handler runs
 * in a span continuing the producer's trace; success deletes the message, a
 * transient failure makes it visible again after a back-off (the transport
 * dead-letters it after too many receives), a permanent one dead-letters it
 * at once.
 */
export function createConsumer(options: ConsumerOptions): Consumer {
  const { transport, logger } = options;
  const router = createEventRouter(options.handlers);
  const visibilitySeconds = options.visibilitySeconds ?? 30;
  const waitSeconds = options.waitSeconds ?? 10;
  const batchSize = options.batchSize ?? 10;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const retryDelay = options.retryDelaySeconds ?? defaultRetryDelay;
  const tracer = trace.getTracer('kura');

  async function handle(delivery: Delivery): Promise<void> {
    const { envelope } = delivery;
    const log = logger.child({
      eventId: envelope.id,
      eventType: envelope.type,
      eventVersion: envelope.version,
      receiveCount: delivery.receiveCount,
    });
    metrics.observe('QueueAge', Date.now() - Date.parse(envelope.occurredAt), envelope.type);
    const routed = router.route(envelope);
    if ('refused' in routed) {
      metrics.count('DeadLetters', 1, envelope.type);
      log.error({ reason: routed.refused }, 'event refused at the edge; dead-lettered');
      await transport.deadLetter(delivery, routed.refused);
      return;
    }
    const { ackWithin } = transport;
    const acknowledgement = ackWithin ? { ack: (tx: Transaction) => ackWithin(tx, delivery), done: false } : undefined;
    const heartbeat = setInterval(
      () => void transport.changeVisibility(delivery, visibilitySeconds).catch(() => undefined),
      (visibilitySeconds * 1000) / 2,
    );
    try {
      await context.with(envelopeContext(envelope), () =>
        tracer.startActiveSpan(
          `process ${envelope.type}`,
          {
            kind: SpanKind.CONSUMER,
            attributes: {
              'messaging.operation.type': 'process',
              'messaging.message.id': envelope.id,
              'kura.event.version': envelope.version,
              'kura.event.key': envelope.key,
              'kura.event.receive_count': delivery.receiveCount,
            },
          },
          async (span) => {
            try {
              await routed.run(acknowledgement);
            } catch (error) {
              span.recordException(error instanceof Error ? withoutQueryValues(error) : String(error));
              span.setStatus({ code: SpanStatusCode.ERROR });
              throw error;
            } finally {
              span.end();
            }
          },
        ),
      );
    } catch (error) {
      clearInterval(heartbeat);
      const message = error instanceof Error ? error.message : String(error);
      // Payloads were parsed at the edge: a ZodError from inside a handler is a bug there, retried and seen.
      if (error instanceof PermanentEventError) {
        metrics.count('DeadLetters', 1, envelope.type);
        log.error({ err: error }, 'event cannot be processed; dead-lettered');
        await transport.deadLetter(delivery, message);
      } else {
        const delay = retryDelay(delivery.receiveCount);
        metrics.count('EventsFailed', 1, envelope.type);
        log.warn({ err: error, retryInSeconds: delay }, 'event handler failed; will retry');
        await transport.changeVisibility(delivery, delay);
      }
      return;
    }
    clearInterval(heartbeat);
    if (!acknowledgement?.done) await transport.ack(delivery);
    metrics.count('EventsConsumed', 1, envelope.type);
  }

  // Aborted by stop(): the long poll ends at once, and messages not yet started go back to the queue.
  let stopping = new AbortController();

  async function runOnce(): Promise<number> {
    const { signal } = stopping;
    const deliveries = await transport.receive({ max: batchSize, waitSeconds, visibilitySeconds, signal });
    const byKey = new Map<string, Delivery[]>();
    for (const delivery of deliveries) {
      const key = delivery.envelope.key;
      const line = byKey.get(key);
      if (line) line.push(delivery);
      else byKey.set(key, [delivery]);
    }
    const lines = [...byKey.values()];
    const work = async () => {
      for (let line = lines.shift(); line; line = lines.shift()) {
        for (const delivery of line) {
          if (signal.aborted) await transport.changeVisibility(delivery, 0).catch(() => undefined);
          else await handle(delivery);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, lines.length) }, work));
    if (deliveries.length > 0) options.afterBatch?.();
    return deliveries.length;
  }

  const loop = createBackgroundLoop(async () => {
    try {
      await runOnce();
      return 0; // the receive itself long-polls
    } catch (error) {
      logger.error({ err: error }, 'event consumer could not receive; retrying in 1 s');
      return 1000;
    }
  });

  return {
    runOnce,
    start() {
      if (stopping.signal.aborted) stopping = new AbortController();
      loop.start();
    },
    async stop() {
      stopping.abort();
      await loop.stop();
    },
  };
}
