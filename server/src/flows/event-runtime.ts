import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { EventsConfig } from '../platform/config/config.js';
import type { Database, DatabaseHandle } from '../platform/db/database.js';
import { createConsumer, type EventHandler } from '../platform/events/consumer.js';
import { createEventBridgePublisher, routeEventsToBus } from '../platform/events/eventbridge-publisher.js';
import { createOutboxRelay } from '../platform/events/outbox.js';
import { createPostgresTransport } from '../platform/events/postgres-transport.js';
import { createSqsTransport } from '../platform/events/sqs-transport.js';
import type { EventTransport } from '../platform/events/transport.js';
import { withFaultSwitch } from '../platform/faults/apply-faults.js';
import type { FaultSwitches } from '../platform/faults/fault-switches.js';
import type { Logger } from '../platform/observability/logger.js';
import { scheduledJobDueHandler } from '../platform/scheduling/job-message.js';
import { createJobRunner } from '../platform/scheduling/job-runner.js';
import { alertBus } from './alert-bus.js';
import { alertEventHandlers } from './alert-tasks.js';
import { deadLetterDrillHandler } from './dead-letters/dead-letters-router.js';
import { orderEventHandlers } from './order-fulfilment.js';
import { scheduledJobs } from './scheduled-jobs.js';

/** `wake`: the PostgreSQL queue's waiting receives look now (SQS long-polls; nothing to wake). */
export type OpenTransport = { transport: EventTransport; wake?: () => void; close(): void };

/** The transport the configuration names: the PostgreSQL queue table, or SQS with its dead-letter queue. */
export function openEventTransport(
  config: EventsConfig,
  db: Database,
  options: { wokenOnNews?: boolean } = {},
): OpenTransport {
  if (config.transport === 'postgres') {
    const transport = createPostgresTransport({
      db,
      queue: config.queue,
      maxReceiveCount: config.maxReceiveCount,
      ...(options.wokenOnNews ? { pollIntervalMs: heartbeatMs } : {}),
    });
    return { transport, wake: transport.wake, close: () => {} };
  }
  const client = new SQSClient({ region: config.region, ...(config.endpoint ? { endpoint: config.endpoint } : {}) });
  const queue = createSqsTransport({
    client,
    queueUrl: config.queueUrl,
    deadLetterQueueUrl: config.deadLetterQueueUrl,
  });
  if (!config.bus) return { transport: queue, close: () => client.destroy() };
  // Alert events go on the telemetry bus, whose rule delivers them to this same queue (issue 14).
  const { bus } = config;
  const events = new EventBridgeClient({ region: config.region, ...(bus.endpoint ? { endpoint: bus.endpoint } : {}) });
  const route = { busName: bus.name, source: alertBus.source, types: alertBus.detailTypes };
  return {
    transport: routeEventsToBus(queue, { route, publisher: createEventBridgePublisher({ client: events, route }) }),
    close: () => {
      client.destroy();
      events.destroy();
    },
  };
}

/**
 * Which parts run where:
 * - `local` (`npm start`): everything in the one process, on the PostgreSQL queue table;
 * - `api` (the API service on AWS): the relay only: it writes the outbox, so it publishes
 *   what it wrote at once; consuming and the scheduled jobs are the worker's;
 * - `worker` (the stock worker on AWS): the relay too (either may publish any row; the
 *   outbox claim keeps that safe), the consumer long-polling SQS, and the scheduled jobs;
 * - `lambda` (the API as a Lambda function, ADR 0017): nothing runs, since a function frozen
 *   between requests cannot poll; the worker's relay publishes what a request wrote, within
 *   its idle poll. The transport is still there for the dead-letter API.
 */
export type EventRuntimeRole = 'local' | 'api' | 'worker' | 'lambda';

export type EventRuntimeOptions = {
  role: EventRuntimeRole;
  config: EventsConfig;
  db: Database;
  logger: Logger;
  /** Tests pass the clock; the expiry and pruning jobs read it. */
  now?: () => Date;
  /** The fault switches; the stock consumer's slows or fails the order flow's handlers. Unset: none. */
  faults?: FaultSwitches;
  /**
   * The database's LISTEN (`DatabaseHandle.listen`): every insert into the
   * outbox or the queue table announces itself on commit, so the relay and
   * the consumer wake at once and otherwise only poll at a slow heartbeat.
   * Without it they poll (a Lambda-like caller, tests of the polling).
   */
  listen?: DatabaseHandle['listen'];
};

/** The channel the outbox and queue triggers announce on (migration 0019), payload `outbox` or `queue`. */
export const eventNewsChannel = 'kura_events';

/**
 * A batch's keys handled at once, each holding a pooled connection while its
 * handler runs: well under the pool (10 by default), which the API shares.
 */
const consumerConcurrency = 4;
const consumerBatchSize = 16;

/** How often a relay or consumer woken by notifications still looks, for news it missed. */
const heartbeatMs = 30_000;

export type EventRuntime = {
  /** The transport the dead-letter API lists and redrives. */
  transport: EventTransport;
  /** Something may have been written to the outbox: the relay looks now instead of at its next idle poll. */
  wake(): void;
  /** Finishes the work in hand (publish, message, job batch) and stops; the database stays open. */
  stop(): Promise<void>;
};

/** The one place that assembles the event flow for every entry point. */
export function startEventRuntime(options: EventRuntimeOptions): EventRuntime {
  const { role, config, db, logger } = options;
  const consumes = role === 'local' || role === 'worker';
  const { faults } = options;
  const stockConsumer = (handlers: EventHandler[]) =>
    faults ? withFaultSwitch(handlers, faults, 'stock-consumer') : handlers;
  const relays = role !== 'lambda';
  const listening = options.listen !== undefined && (relays || consumes);
  const opened = openEventTransport(config, db, { wokenOnNews: listening && consumes });
  const { transport, close } = opened;
  const relay = createOutboxRelay({ db, transport, logger, ...(listening ? { heartbeatMs } : {}) });
  // With notifications the commit itself wakes the relay (in any process); a second, in-process wake
  // would only make it look once more for nothing.
  const wake = () => {
    if (relays && !listening) relay.wake();
  };
  const news = listening
    ? options.listen?.(eventNewsChannel, {
        onNotify(payload) {
          if (payload === 'outbox' && relays) relay.wake();
          else if (payload === 'queue' && consumes) opened.wake?.();
        },
        onListening() {
          if (relays) relay.wake();
          if (consumes) opened.wake?.();
        },
      })
    : undefined;
  const jobs = consumes
    ? createJobRunner({ db, logger, jobs: scheduledJobs({ db, ...(options.now ? { now: options.now } : {}) }) })
    : undefined;
  const consumer = consumes
    ? createConsumer({
        transport,
        handlers: [
          ...stockConsumer(orderEventHandlers({ db, ...(options.now ? { now: options.now } : {}) })),
          ...alertEventHandlers({ db }),
          // The operator's practice poison (POST /api/staff/dead-letters/drill answers only locally).
          ...(role === 'local' ? [deadLetterDrillHandler()] : []),
          // On AWS, EventBridge Scheduler's messages (ADR 0016); the lease keeps each run single.
          ...(jobs ? [scheduledJobDueHandler(jobs)] : []),
        ],
        logger,
        // SQS's longest long poll; the local queue is woken by its notifications (or polled each second without).
        waitSeconds: config.transport === 'sqs' || listening ? 20 : 1,
        // Handlers write follow-up events (OrderConfirmed …): publish them now.
        afterBatch: wake,
        // Orders overlap their round trips; one order's events still go one at a time, in order.
        batchSize: consumerBatchSize,
        concurrency: consumerConcurrency,
      })
    : undefined;
  if (relays) relay.start();
  consumer?.start();
  jobs?.start();
  logger.info({ role, transport: config.transport, listening }, 'event runtime started');
  return {
    transport,
    wake,
    async stop() {
      // The relay first, so nothing new is published to a consumer that is leaving.
      await Promise.all([relay.stop(), jobs?.stop()]);
      await consumer?.stop();
      await news?.close();
      close();
    },
  };
}
