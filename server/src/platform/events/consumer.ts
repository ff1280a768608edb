import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ZodError, type z } from 'zod';
import type { Logger } from '../observability/logger.js';
import { withoutQueryValues } from '../observability/safe-error.js';
import { createBackgroundLoop } from './background-loop.js';
import { type Envelope, envelopeContext } from './envelope.js';
import type { Delivery, EventTransport } from './transport.js';

/** Thrown by a handler when no retry can help (a malformed payload): the message goes straight to the dead letters. */
export class PermanentEventError extends Error {
  override name = 'PermanentEventError';
}

export type EventHandler = (envelope: Envelope) => Promise<void>;

/** A message's payload through its schema; one that does not parse never will, so it is dead-lettered at once. */
export function parsePayload<T>(schema: z.ZodType<T>, envelope: Envelope): T {
  const result = schema.safeParse(envelope.payload);
  if (!result.success) throw new PermanentEventError(`${envelope.type} ${envelope.id}: ${result.error.message}`);
  return result.data;
}

/**
 * Several flows' handlers as one map: where two react to the same event type,
 * both run, in the order given. A failure retries the message and so runs
 * both again, which is safe because every handler is idempotent.
 */
export function combineHandlers(
  ...maps: readonly Readonly<Record<string, EventHandler>>[]
): Record<string, EventHandler> {
  const byType = new Map<string, EventHandler[]>();
  for (const map of maps) {
    for (const [type, handler] of Object.entries(map)) byType.set(type, [...(byType.get(type) ?? []), handler]);
  }
  return Object.fromEntries(
    [...byType].map(([type, handlers]) => [
      type,
      async (envelope: Envelope) => {
        for (const handler of handlers) await handler(envelope);
      },
    ]),
  );
}

export type ConsumerOptions = {
  transport: EventTransport;
  /** One handler per event type; each must be idempotent (delivery is at least once). */
  handlers: Readonly<Record<string, EventHandler>>;
  logger: Logger;
  /** How long a received message is ours; a running handler's lease is extended every half of it. */
  visibilitySeconds?: number;
  /** Long-poll wait per receive (`stop()` cuts it short). */
  waitSeconds?: number;
  batchSize?: number;
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
 * Consumes events from the transport one message at a time: each handler runs
 * in a span continuing the producer's trace; success deletes the message, a
 * transient failure makes it visible again after a back-off (the transport
 * dead-letters it after too many receives), a permanent one dead-letters it
 * at once.
 */
export function createConsumer(options: ConsumerOptions): Consumer {
  const { transport, handlers, logger } = options;
  const visibilitySeconds = options.visibilitySeconds ?? 30;
  const waitSeconds = options.waitSeconds ?? 10;
  const batchSize = options.batchSize ?? 10;
  const retryDelay = options.retryDelaySeconds ?? defaultRetryDelay;
  const tracer = trace.getTracer('kura');

  async function handle(delivery: Delivery): Promise<void> {
    const { envelope } = delivery;
    const handler = handlers[envelope.type];
    const log = logger.child({ eventId: envelope.id, eventType: envelope.type, receiveCount: delivery.receiveCount });
    if (!handler) {
      log.error('no handler for this event type; dead-lettered');
      await transport.deadLetter(delivery, `no handler for ${envelope.type}`);
      return;
    }
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
              'kura.event.key': envelope.key,
              'kura.event.receive_count': delivery.receiveCount,
            },
          },
          async (span) => {
            try {
              await handler(envelope);
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
      if (error instanceof PermanentEventError || error instanceof ZodError) {
        log.error({ err: error }, 'event cannot be processed; dead-lettered');
        await transport.deadLetter(delivery, message);
      } else {
        const delay = retryDelay(delivery.receiveCount);
        log.warn({ err: error, retryInSeconds: delay }, 'event handler failed; will retry');
        await transport.changeVisibility(delivery, delay);
      }
      return;
    }
    clearInterval(heartbeat);
    await transport.ack(delivery);
  }

  // Aborted by stop(): the long poll ends at once, and messages not yet started go back to the queue.
  let stopping = new AbortController();

  async function runOnce(): Promise<number> {
    const { signal } = stopping;
    const deliveries = await transport.receive({ max: batchSize, waitSeconds, visibilitySeconds, signal });
    for (const delivery of deliveries) {
      if (signal.aborted) await transport.changeVisibility(delivery, 0).catch(() => undefined);
      else await handle(delivery);
    }
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
