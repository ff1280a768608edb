import { type EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { type Envelope, envelopeSchema } from './envelope.js';
import type { EventTransport } from './transport.js';

/** Events of these types go on the bus, with this `source`; their rule delivers them on. */
export type EventBusRoute = { busName: string; source: string; types: readonly string[] };

/** PutEvents takes at most 10 entries a call. */
const maxEntries = 10;

/**
 * An envelope as a bus event: the envelope whole as `detail` (traceparent and all), its type as
 * `detail-type`. A rule whose target input is the path `$.detail` hands a queue the very envelope the
 * relay would have sent there itself.
 */
export function toPutEventsEntry(envelope: Envelope, route: Pick<EventBusRoute, 'busName' | 'source'>) {
  return {
    EventBusName: route.busName,
    Source: route.source,
    DetailType: envelope.type,
    Detail: JSON.stringify(envelope),
    Time: new Date(envelope.occurredAt),
  } satisfies PutEventsRequestEntry;
}

/** What a rule target with `InputPath: '$.detail'` receives from the event EventBridge made of an entry. */
export function ruleTargetInput(entry: PutEventsRequestEntry): Envelope {
  return envelopeSchema.parse(JSON.parse(entry.Detail ?? ''));
}

/**
 * The publishing half of a transport on an EventBridge bus. A call with failed entries throws, so the
 * relay backs the batch off and publishes it again; the entries that did go through are then
 * delivered twice, which the consumers absorb (at least once, as on SQS).
 */
export function createEventBridgePublisher(options: {
  client: EventBridgeClient;
  route: Pick<EventBusRoute, 'busName' | 'source'>;
}): Pick<EventTransport, 'publish'> {
  return {
    async publish(envelopes, { signal } = {}) {
      for (let i = 0; i < envelopes.length; i += maxEntries) {
        signal?.throwIfAborted();
        const chunk = envelopes.slice(i, i + maxEntries);
        const result = await options.client.send(
          new PutEventsCommand({ Entries: chunk.map((envelope) => toPutEventsEntry(envelope, options.route)) }),
        );
        const failed = (result.Entries ?? []).filter((entry) => entry.ErrorCode);
        if ((result.FailedEntryCount ?? 0) > 0 || failed.length > 0) {
          throw new Error(
            `EventBridge refused ${result.FailedEntryCount ?? failed.length} of ${chunk.length} events: ${failed[0]?.ErrorCode} ${failed[0]?.ErrorMessage}`,
          );
        }
      }
    },
  };
}

/**
 * One transport whose publish sends each envelope where its type is routed (the bus), the rest to
 * `transport`; receiving, dead letters and redrive stay `transport`'s (the bus's rule delivers to the
 * same queue). Still one mechanism: outbox → relay → this → the consumer.
 */
export function routeEventsToBus(
  transport: EventTransport,
  bus: { route: EventBusRoute; publisher: Pick<EventTransport, 'publish'> },
): EventTransport {
  const onBus = new Set(bus.route.types);
  return {
    receive: (options) => transport.receive(options),
    ack: (delivery) => transport.ack(delivery),
    changeVisibility: (delivery, delaySeconds) => transport.changeVisibility(delivery, delaySeconds),
    deadLetter: (delivery, reason) => transport.deadLetter(delivery, reason),
    listDeadLetters: (options) => transport.listDeadLetters(options),
    redrive: (ids) => transport.redrive(ids),
    async publish(envelopes, options) {
      const toBus = envelopes.filter((envelope) => onBus.has(envelope.type));
      const rest = envelopes.filter((envelope) => !onBus.has(envelope.type));
      if (rest.length > 0) await transport.publish(rest, options);
      if (toBus.length > 0) await bus.publisher.publish(toBus, options);
    },
  };
}
