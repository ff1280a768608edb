import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { z } from 'zod';

/**
 * What travels on the event transport: the event and where it came from.
 * Each module parses `payload` with its own schema for `type`.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1).max(100),
  key: z.string().min(1).max(200),
  payload: z.unknown(),
  occurredAt: z.iso.datetime({ offset: true }),
  traceparent: z.string().max(200).optional(),
  tracestate: z.string().max(512).optional(),
});

export type Envelope = z.infer<typeof envelopeSchema>;

export type NewEvent = { type: string; key: string; payload: unknown };

/** A new envelope carrying the active trace context (W3C `traceparent`). */
export function createEnvelope(event: NewEvent, now = new Date()): Envelope {
  const carrier: { traceparent?: string; tracestate?: string } = {};
  propagation.inject(context.active(), carrier);
  return {
    id: randomUUID(),
    type: event.type,
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
