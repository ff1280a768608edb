import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { type AppliedTransitions, evaluateDeviceReadings } from './alert-evaluation.js';
import type { ReadingsStore, ReadingsStoredNotice } from './ports.js';

/**
 * The alert evaluation queue's message: "device D stored readings with
 * instants in [from, to]", one per ingest request that accepted any. The
 * readings themselves stay in the store; the message only says where to look,
 * so it is small and a redelivery re-reads the same immutable rows.
 */
export const readingsStoredMessageSchema = z.strictObject({
  deviceId: z.uuid(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});
export type ReadingsStoredMessage = z.infer<typeof readingsStoredMessageSchema>;

export function toReadingsStoredMessage(notice: ReadingsStoredNotice): ReadingsStoredMessage {
  return { deviceId: notice.deviceId, from: notice.from.toISOString(), to: notice.to.toISOString() };
}

/** Parses one message body at the edge; throws (so the record fails) on anything else. */
export function parseReadingsStoredMessage(body: string): ReadingsStoredNotice {
  const message = readingsStoredMessageSchema.parse(JSON.parse(body));
  const notice = { deviceId: message.deviceId, from: new Date(message.from), to: new Date(message.to) };
  if (notice.from > notice.to) throw new Error('from is after to');
  return notice;
}

/**
 * The W3C trace context of the ingest request rides as message attributes (the body stays exactly the
 * schema above), so the evaluation, the alert and its outbox event continue the device's trace.
 */
export const alertTraceAttributes = ['traceparent', 'tracestate'] as const;

/** The trace context a record carries (what ingest's SQS notifier sent). */
export function alertRecordContext(record: Pick<SQSRecord, 'messageAttributes'>) {
  const carrier: Record<string, string> = {};
  for (const name of alertTraceAttributes) {
    const value = record.messageAttributes?.[name]?.stringValue;
    if (value) carrier[name] = value;
  }
  return propagation.extract(context.active(), carrier);
}

export type AlertQueueDeps = { db: Database; readings: ReadingsStore };

/**
 * The SQS batch handler of the alert Lambda: each record evaluated on its
 * own, one after another (two records of one device would only queue on its
 * rule lock); the ones that failed are reported as `batchItemFailures`, so
 * SQS redelivers only those, and after the queue's receive limit moves them
 * to its dead-letter queue. A malformed body fails too: it lands in the
 * dead-letter queue for a person to read, rather than vanishing.
 */
export function createAlertQueueHandler(deps: AlertQueueDeps) {
  const processor = new BatchProcessor(EventType.SQS);
  const evaluate = (record: SQSRecord): Promise<AppliedTransitions> =>
    trace
      .getTracer('kura')
      .startActiveSpan(
        'evaluate alert rules',
        { kind: SpanKind.CONSUMER, attributes: { 'messaging.message.id': record.messageId } },
        alertRecordContext(record),
        async (span) => {
          try {
            const notice = parseReadingsStoredMessage(record.body);
            return await evaluateDeviceReadings(deps.db, { ...notice, readings: deps.readings });
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw error;
          } finally {
            span.end();
          }
        },
      );
  return (event: SQSEvent): Promise<SQSBatchResponse> =>
    // A batch where every record failed is answered like any other (its failures listed), not thrown:
    // the function's error metric is then kept for the function itself failing.
    processPartialResponse(event, evaluate, processor, { throwOnFullBatchFailure: false, processInParallel: false });
}
