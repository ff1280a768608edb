import { randomUUID } from 'node:crypto';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { z } from 'zod';
import type { EventDefinition, PayloadIn } from './event-definition.js';

/**
 * What travels on the event transport: the event and where it came from.
 * `payload` stays unparsed here: the consumer's edge parses it once, with the
 * schema of its `type` and `version` (see `createEventRouter`).
 */
export const envelopeSchema = z.object({
  // A UUID from Kura's producers; on a schedule's message, EventBridge Scheduler's execution id
  // (`d32c5kddcf5bb8c3`: ADR 0016), which is no UUID. Only logs and traces read it.
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  type: z.string().min(1).max(100),
  // Messages written before events carried a version are version 1.
  version: z.int().min(1).default(1),
  key: z.string().min(1).max(200),
  payload: z.unknown(),
  occurredAt: z.iso.datetime({ offset: true }),
  traceparent: z.string().max(200).optional(),
  tracestate: z.string().max(512).optional(),
});

export type Envelope = z.infer<typeof envelopeSchema>;

/** An event to send: its definition, what it is about (`key`: events of one key stay in order) and its payload. */
export type NewEvent<D extends EventDefinition> = { event: D; key: string; payload: PayloadIn<D> };

/** A new envelope carrying the active trace context (W3C `traceparent`). */
export function createEnvelope<D extends EventDefinition>(event: NewEvent<D>, now = new Date()): Envelope {
  const carrier: { traceparent?: string; tracestate?: string } = {};
  propagation.inject(context.active(), carrier);
  return {
    id: randomUUID(),
    type: event.event.type,
    version: event.event.version,
    key: event.key,
    payload: event.payload,
    occurredAt: now.toISOString(),
    ...(carrier.traceparent ? { traceparent: carrier.traceparent } : {}),
    ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}),
  };
}

/** The trace context an envelope carries, to continue its trace in a consumer. */
export function envelopeContext(envelope: Envelope) {
  return propagation.extract(context.active(), {
    ...(envelope.traceparent ? { traceparent: envelope.traceparent } : {}),
    ...(envelope.tracestate ? { tracestate: envelope.tracestate } : {}),
  });
}

/** The relay's hop in each envelope's trace: a producer span per envelope, around the publish. */
export function startPublishSpans(envelopes: readonly Envelope[]): { end(error?: unknown): void } {
  const tracer = trace.getTracer('kura');
  const spans = envelopes.map((envelope) =>
    tracer.startSpan(
      `publish ${envelope.type}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: { 'messaging.operation.type': 'send', 'messaging.message.id': envelope.id },
      },
      envelopeContext(envelope),
    ),
  );
  return {
    end(error) {
      for (const span of spans) {
        if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    },
  };
}
